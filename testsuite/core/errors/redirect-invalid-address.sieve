# RFC 5228 §2.4.2.3: a redirect address must match the sieve-address syntax.
redirect "not an address";
