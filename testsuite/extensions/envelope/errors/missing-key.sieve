# RFC 5228 §5.4: envelope takes envelope parts and a key list.
require "envelope";
if envelope "from" { discard; }
