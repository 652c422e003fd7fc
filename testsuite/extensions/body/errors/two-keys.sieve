# RFC 5173 §4: body takes one key-list, no header names.
require "body";
if body :contains "subject" "money" { discard; }
