# draft-murchison-sieve-regex-07 §3: :regex is compatible with i;octet and
# i;ascii-casemap; i;ascii-numeric has no matching operation for it.
require ["regex", "comparator-i;ascii-numeric"];
if header :regex :comparator "i;ascii-numeric" "x-score" "^[0-9]+$" { keep; }
