# RFC 5228 §5.4: unknown envelope parts SHOULD be an error.
require "envelope";
if envelope :is "sender" "alice@example.com" {
	keep;
}
