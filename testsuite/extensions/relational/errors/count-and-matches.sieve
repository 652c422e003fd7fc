# RFC 5228 §2.7.1 with RFC 5231 §4: :count is a match type, so it cannot be
# combined with another one.
require "relational";
if header :count "eq" :matches "to" "1" { keep; }
