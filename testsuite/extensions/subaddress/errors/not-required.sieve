# RFC 5228 §2.10.5: :user needs require "subaddress".
if address :user "to" "ken" { keep; }
