# RFC 5429 §2.2: the reason is a string.
require "reject";
reject 550;
