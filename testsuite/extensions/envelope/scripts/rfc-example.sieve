# RFC 5228 §5.4: the example.
require "envelope";
if envelope :all :is "from" "tim@example.com" {
   discard;
}
