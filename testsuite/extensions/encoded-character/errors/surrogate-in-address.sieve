# RFC 5228 §2.4.2.4: a value in D800..DFFF is an error in any string, here
# a redirect address.
require "encoded-character";
redirect "user${unicode:D800}@example.com";
