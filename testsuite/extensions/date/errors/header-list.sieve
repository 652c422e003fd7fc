# RFC 5260 §4: "the date test can only be applied to a single header field
# at a time": the header name is a string, not a list.
require "date";
if date ["date", "received"] "year" "2025" { keep; }
