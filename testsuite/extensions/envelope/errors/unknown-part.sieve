# RFC 5228 §5.4: "implementations SHOULD consider unknown envelope parts an
# error".
require "envelope";
if envelope "sender" "tim@example.com" { discard; }
