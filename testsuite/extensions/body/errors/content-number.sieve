# RFC 5173 §5: the content types are strings.
require "body";
if body :content 5 :contains "money" { discard; }
