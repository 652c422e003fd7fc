# RFC 5463 §4: "ihave accepts no match or comparator arguments".
require "ihave";
if ihave :comparator "i;ascii-casemap" "FILEINTO" { keep; }
