# RFC 5260 §4.1: "It is an error to specify both :zone and :originalzone."
require "date";
if date :zone "+0100" :originalzone "date" "hour" "09" { keep; }
