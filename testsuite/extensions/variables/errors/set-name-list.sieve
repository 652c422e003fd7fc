# RFC 5229 §4: the name is a single string, not a string list.
require "variables";
set ["a", "b"] "value";
