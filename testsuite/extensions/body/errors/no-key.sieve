# RFC 5173 §4: the key-list is required.
require "body";
if body :raw :contains { discard; }
