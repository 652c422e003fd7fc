# RFC 5463 §4: ihave <capabilities: string-list>.
require "ihave";
if ihave { keep; }
