# RFC 5429 §2.1: ereject <reason: string>, one string.
require "ereject";
ereject ["one", "two"];
