# RFC 5260 §4.1: time-zone = ( "+" / "-" ) 4DIGIT; three digits are not
# enough.
require "date";
if currentdate :zone "+100" "hour" "09" { keep; }
