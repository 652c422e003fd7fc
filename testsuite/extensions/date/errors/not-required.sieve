# RFC 5228 §2.10.5: date needs require "date".
if date "date" "year" "2025" { keep; }
