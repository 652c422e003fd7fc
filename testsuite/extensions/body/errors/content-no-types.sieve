# RFC 5173 §5: ":content" <content-types: string-list>: the types must
# follow the tag.
require "body";
if body :content :contains "money" { discard; }
