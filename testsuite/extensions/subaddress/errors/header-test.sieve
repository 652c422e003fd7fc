# RFC 5233 §4: only "test commands that act exclusively on addresses" take
# :user and :detail; the header test does not.
require "subaddress";
if header :user "to" "ken" { keep; }
