# RFC 5228 §2.7.3: only i;octet and i;ascii-casemap need no require;
# i;ascii-numeric must be required as "comparator-i;ascii-numeric".
require "relational";
if header :value "lt" :comparator "i;ascii-numeric" "x-priority" "3" { keep; }
