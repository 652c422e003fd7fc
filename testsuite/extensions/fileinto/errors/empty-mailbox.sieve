# RFC 5228 §4.1: "use of an invalid mailbox name MAY be treated as an
# error"; the empty name is found at compile time.
require "fileinto";
fileinto "";
