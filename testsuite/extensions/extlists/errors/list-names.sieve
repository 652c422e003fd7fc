require ["extlists", "variables"];

# 1: not a URI
if header :list "from" ["friends", ":addrbook:default"] {
	keep;
}
# 2: redirect :list is not offered
redirect :list "tag:example.com,2010-05-28:friends";
