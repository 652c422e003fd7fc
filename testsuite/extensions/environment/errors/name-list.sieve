# RFC 5183 §4: <name: string> is a single string.
require "environment";
if environment ["location", "phase"] "MS" { keep; }
