# RFC 8579 §3: the attribute list is required.
require "special-use";
if specialuse_exists { keep; }
