# draft-murchison-sieve-regex-07 §3: a bad expression anywhere in the key
# list is an error, not only the first key.
require "regex";
if header :regex "subject" ["ok", "fine", "a{2,1}"] { keep; }
