# RFC 5229 §4: set takes a name and a value.
require "variables";
set "lonely";
