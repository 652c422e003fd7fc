# RFC 5183 §4: only COMPARATOR and MATCH-TYPE are allowed, no address part.
require "environment";
if environment :domain "host" "example.com" { keep; }
