# RFC 5429 §2.2.1: the example. A message from coyote is refused; reject
# cancels the implicit keep (§2.4).
require ["reject"];
if header :contains "from" "coyote@desert.example.org" {
    reject text:
I am not taking mail from you, and I don't
want your birdseed, either!
.
    ;
}
