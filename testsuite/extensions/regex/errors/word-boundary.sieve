# draft-murchison-sieve-regex-07 §3: "word boundaries ... are not
# supported by this extension".
require "regex";
if header :regex "subject" "\\bword" { keep; }
