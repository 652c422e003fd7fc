# RFC 5429 §2.2: reject <reason: string>.
require "reject";
reject;
