# RFC 5260 §4.2: the date-part is one of the listed names.
require "date";
if date "date" "fortnight" "1" { keep; }
