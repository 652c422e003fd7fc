# RFC 5463 §5: error <message: string>.
require "ihave";
error;
