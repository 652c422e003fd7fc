# draft-murchison-sieve-regex-07 §3: [:frop:] is not a character class.
require "regex";
if header :regex "subject" "[[:frop:]]" { keep; }
