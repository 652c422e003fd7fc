# RFC 5233 §4: :user and :detail are both address parts; only one is allowed.
require ["envelope", "subaddress"];
if envelope :user :detail "to" "ken" { keep; }
