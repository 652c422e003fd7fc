# RFC 5260 §5: currentdate takes :zone only; the current time has no
# original zone.
require "date";
if currentdate :originalzone "hour" "09" { keep; }
