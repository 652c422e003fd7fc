# RFC 5231 §4: the relation must be one of gt, ge, lt, le, eq, ne.
require "relational";
if header :value "greater" "x-score" "1" { keep; }
