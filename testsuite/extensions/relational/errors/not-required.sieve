# RFC 5228 §2.10.5: :count is only available after require "relational".
if header :count "gt" "received" "3" { discard; }
