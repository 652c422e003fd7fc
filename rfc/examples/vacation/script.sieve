# RFC 5230 §4.2 / §9 example: a reply for each sender at most once a week (:days 7), with
# a subject and the user's other address; the message stays in the inbox (§4.7: vacation
# does not cancel the implicit keep).
require "vacation";
if header :contains "subject" "cyrus" {
    vacation :days 7 :subject "Out of office" :addresses ["ken@example.com"]
        "I'm out -- send mail to cyrus-bugs";
} else {
    vacation "I'm out -- call me at +1 304 555 0123";
}
