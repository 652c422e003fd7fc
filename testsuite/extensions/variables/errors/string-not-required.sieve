# RFC 5228 §2.10.5: the string test needs require "variables".
if string "a" "a" { keep; }
