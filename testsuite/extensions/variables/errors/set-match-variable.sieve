# RFC 5229 §4: "Match variables cannot be set."
require "variables";
set "1" "one";
