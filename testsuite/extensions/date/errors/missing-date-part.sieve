# RFC 5260 §4: date takes a header name, a date-part and a key list.
require "date";
if date "date" "2025" { keep; }
