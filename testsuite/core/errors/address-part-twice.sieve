# RFC 5228 §2.7.4: it is an error to give more than one address part.
if address :localpart :domain "from" "example.com" {
	keep;
}
