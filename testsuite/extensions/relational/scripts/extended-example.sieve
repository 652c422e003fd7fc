# RFC 5231 §7, the extended example (with :create so that the test mail
# store needs no prepared folders).
require ["relational", "comparator-i;ascii-numeric", "fileinto", "mailbox"];

if header :value "lt" :comparator "i;ascii-numeric"
          ["x-priority"] ["3"]
{
   fileinto :create "Priority";
}
elsif address :count "gt" :comparator "i;ascii-numeric"
           ["to"] ["5"]
{
   # everything with more than 5 recipients in the "to" field
   # is considered SPAM
   fileinto :create "SPAM";
}
elsif address :value "gt" :all :comparator "i;ascii-casemap"
           ["from"] ["M"]
{
   fileinto :create "From N-Z";
} else {
   fileinto :create "From A-M";
}
if allof ( address :count "eq" :comparator "i;ascii-numeric"
                   ["to", "cc"] ["1"] ,
           address :all :comparator "i;ascii-casemap"
                   ["to", "cc"] ["me@foo.example.com"] )
{
   fileinto :create "Only me";
}
