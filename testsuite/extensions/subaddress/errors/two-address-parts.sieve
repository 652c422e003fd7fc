# RFC 5233 §4 with RFC 5228 §2.7.4: :detail is an address part, and a test
# takes only one address part.
require "subaddress";
if address :detail :localpart "to" "foo" { keep; }
