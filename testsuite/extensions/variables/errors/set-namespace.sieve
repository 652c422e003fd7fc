# RFC 5229 §4: "A namespace cannot be used unless an extension explicitly
# allows its use in "set"."
require "variables";
set "frop.count" "1";
