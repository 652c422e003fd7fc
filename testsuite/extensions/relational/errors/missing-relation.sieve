# RFC 5231 §4: ":value" takes the relation as its argument; here the
# string list that follows is not a relation name.
require "relational";
if header :value ["lt", "gt"] "x-score" "1" { keep; }
