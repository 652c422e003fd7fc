require ["relational", "comparator-i;ascii-numeric", "envelope"];
if anyof (header :value "gt" "subject" "a",
          header :value "GE" "subject" "a",
          header :count "lt" :comparator "i;ascii-numeric" "received" "2",
          address :count "le" :comparator "i;ascii-numeric" "to" "5",
          address :value "eq" :domain "from" "example.com",
          envelope :count "ne" :comparator "i;ascii-numeric" "to" "1",
          envelope :value "eq" :localpart "from" "joe") {
	keep;
}
