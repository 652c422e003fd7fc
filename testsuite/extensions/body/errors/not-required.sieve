# RFC 5228 §2.10.5: body needs require "body".
if body :contains "money" { discard; }
