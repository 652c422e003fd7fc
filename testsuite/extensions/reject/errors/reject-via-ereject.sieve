# RFC 5429 §2.2 and §2.3: "ereject" does not provide reject either.
require "ereject";
reject "No.";
