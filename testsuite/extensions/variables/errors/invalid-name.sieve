# RFC 5229 §4: the name must conform to variable-name; "an invalid name
# MUST be detected as a syntax error".
require "variables";
set "first-name" "Wile";
