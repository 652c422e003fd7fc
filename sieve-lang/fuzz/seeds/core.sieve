require ["fileinto", "envelope", "copy", "encoded-character", "comparator-i;ascii-numeric"];
# hash comment
/* bracket
   comment */
if allof (header :contains "subject" "[sieve]", not exists "x-none") {
  fileinto :copy "Lists";
} elsif anyof (address :domain :is "from" "example.org",
               envelope :localpart :matches "to" "bob*") {
  redirect "carol@example.net";
  stop;
} elsif header :comparator "i;ascii-numeric" :is "x-spam-score" "12" {
  discard;
} elsif size :over 100K {
  keep;
} else {
  fileinto text:
Multi
..dotted
.
;
}
if header :is "subject" "${hex:41 42}" { keep; }
if address :all :comparator "i;octet" :contains ["to", "cc"] ["b\"ob", "c\\d"] { keep; }
