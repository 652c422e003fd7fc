# Helper for reject.svtest: reject then ereject (RFC 5429 §2.4).
require ["reject", "ereject"];
reject "First reason.";
ereject "Second reason.";
