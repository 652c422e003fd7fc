# RFC 5463 §4: "ihave accepts no match or comparator arguments".
require "ihave";
if ihave :matches "file*" { keep; }
