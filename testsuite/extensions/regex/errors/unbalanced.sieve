# draft-murchison-sieve-regex-07 §3: expressions not defined by POSIX.2 are
# rejected as a syntax error (SHOULD).
require "regex";
if header :regex "subject" "(unclosed" { keep; }
