# RFC 5228 §5.4: every envelope part of the list is checked.
require "envelope";
if envelope ["from", "to", "cc"] "tim@example.com" { discard; }
