# RFC 5429 §2.1: the example. The message comes from the refused address.
require ["ereject"];
if address "from" "someone@example.com" {
    ereject "I no longer accept mail from this address";
}
