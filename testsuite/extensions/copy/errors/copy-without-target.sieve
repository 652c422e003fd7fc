# RFC 3894 §3: "redirect" [":copy"] <address: string>: the address is still
# required.
require "copy";
redirect :copy;
