# RFC 5229 §4: "The name MUST be a constant string".
require "variables";
set "which" "color";
set "${which}" "red";
