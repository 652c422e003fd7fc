# Helper for reject.svtest: two executed rejects (RFC 5429 §2.4).
require "reject";
reject "First reason.";
reject "Second reason.";
