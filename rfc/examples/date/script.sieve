# RFC 5260 §4.4: both examples of the date test. The boss wrote at 10:30 in
# his own zone (:originalzone), and the message was received on a Saturday
# (first Received field, local zone; 12:00 UTC is Saturday from -1100 to
# +1100).
require ["date", "relational", "fileinto"];

if allof(header :is "from" "boss@example.com",
         date :value "ge" :originalzone "date" "hour" "09",
         date :value "lt" :originalzone "date" "hour" "17")
{ fileinto "urgent"; }

if anyof(date :is "received" "weekday" "0",
         date :is "received" "weekday" "6")
{ fileinto "weekend"; }
