# draft-murchison-sieve-regex-07 §3: the example. The message is addressed
# to me with a +detail, but its subject has no lower-case letter.
require "regex";
# Try to catch unsolicited email.
if anyof (
  # if a message is not to me (with optional +detail),
  not address :regex ["to", "cc", "bcc"]
    "me(\\+.*)?@company\\.com",
  # or the subject is all uppercase (no lowercase)
  header :regex :comparator "i;octet" "subject"
    "^[^[:lower:]]+$" ) {
  discard;     # junk it
}
