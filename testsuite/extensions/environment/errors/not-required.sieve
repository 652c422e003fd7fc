# RFC 5228 §2.10.5: environment needs require "environment".
if environment "location" "MS" { keep; }
