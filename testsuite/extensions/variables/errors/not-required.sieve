# RFC 5228 §2.10.5: set needs require "variables".
set "a" "b";
