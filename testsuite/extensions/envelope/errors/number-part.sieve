# RFC 5228 §5.4: the envelope parts are strings.
require "envelope";
if envelope 1 "tim@example.com" { discard; }
