# RFC 5229 §4.1: "Unknown modifiers MUST yield a syntax error."
require "variables";
set :reverse "b" "abc";
