# RFC 5173 §5: one BODY-TRANSFORM per test.
require "body";
if body :raw :text :contains "money" { discard; }
