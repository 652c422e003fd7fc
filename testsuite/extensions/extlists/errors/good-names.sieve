require ["extlists", "variables", "envelope"];

set "list" ":addrbook:default";
if anyof (address :list "from" ":addrbook:personal?label=Family",
		envelope :list "from" "tag:example.com,2010-05-28:friends",
		header :list :comparator "i;octet" "subject" "urn:ietf:params:sieve:addrbook:default",
		string :list "${list}" "${list}") {
	keep;
}
