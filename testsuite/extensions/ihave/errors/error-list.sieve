# RFC 5463 §5: the message is a single string.
require "ihave";
error ["one", "two"];
