# RFC 5228 §2.10.5: currentdate needs require "date".
if currentdate "year" "2025" { keep; }
