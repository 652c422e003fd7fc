# Helper for compile-errors.svtest: legal syntax that must compile.
# RFC 5228 §3.2: several require commands, and a capability required twice.
require "fileinto";
require ["envelope", "fileinto"];

# RFC 5228 §2.1: tokens other than strings are case-insensitive.
IF Header :CONTAINS "subject" "Report" {
	KeeP;
} ElsIf ExIsTs "x-spam" {
	DISCARD;
}

# RFC 5228 §2.3: both kinds of comments, anywhere whitespace may be.
if /* inside */ size :over 100k { # after the block opens
	discard /* before the semicolon */ ;
}

# RFC 5228 §2.4.2: a hash comment may follow "text:" before the line break;
# a dot-stuffed line inside the literal.
if header :contains "subject" text: # comment after text:
..starts with a dot
.
{
	keep;
}

# RFC 5228 §2.6.2: tagged arguments may appear in any order before the
# positional arguments.
if address :domain :comparator "i;octet" :is "from" "example.com" {
	keep;
}
if address :is :comparator "i;octet" :localpart "from" "alice" {
	keep;
}
if envelope :comparator "i;ascii-casemap" :all :matches "to" "*@example.org" {
	keep;
}

# RFC 5228 §2.7.3 and §6.1: i;octet and i;ascii-casemap need no require.
if header :is :comparator "i;octet" "subject" "x" {
	keep;
}

# RFC 5228 §2.4.2.2: invalid header names are not an error in tests.
if anyof (header :is "from:" "x", exists ["bad header", "x:y"]) {
	keep;
}

# RFC 5228 §2.4.2.1: a single string and a one-element list are equivalent;
# RFC 5228 §2.4.2: quoted strings may span several lines.
if header :is ["subject"] "multi
line" {
	fileinto "INBOX.Multi";
}

# RFC 5228 §2.8: an empty block is allowed.
if true {
}
