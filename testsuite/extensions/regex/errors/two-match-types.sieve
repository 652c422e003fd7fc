# draft-murchison-sieve-regex-07 §3: :regex follows the rules of the match
# types of RFC 5228 §2.7.1: only one per test.
require "regex";
if header :regex :contains "subject" "x" { keep; }
