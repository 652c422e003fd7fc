# RFC 5260 §4.1: time-zone = ( "+" / "-" ) 4DIGIT; a zone name is not an
# offset.
require "date";
if date :zone "CET" "date" "hour" "09" { keep; }
