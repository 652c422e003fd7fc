# draft-murchison-sieve-regex-07 §3: "backreferences are not supported by
# this extension".
require "regex";
if header :regex "subject" "(a)\\1" { keep; }
