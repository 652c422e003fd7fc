# RFC 5429 §2.5: the example (spam scores from spamtest). The published
# require list lacks "relational", which :value needs; it is added here.
require ["ereject", "spamtest", "fileinto", "relational",
         "comparator-i;ascii-numeric"];
if spamtest :value "ge"
            :comparator "i;ascii-numeric" "6" {
    ereject text:
AntiSpam engine thinks your message is spam.
It is therefore being refused.
Please call 1-900-PAY-US if you want to reach us.
.
    ;
} elsif spamtest :value "ge"
                 :comparator "i;ascii-numeric" "4" {
    fileinto "Suspect";
}
