# RFC 5429 §2.1 and §5.2: ereject has its own capability; "reject" does not
# provide it.
require "reject";
ereject "No.";
