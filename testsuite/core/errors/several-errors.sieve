# RFC 5228 §2.10.6: errors are reported; this script has three independent
# validation errors.
require "fileinto";
frobnicate;
if header :is :matches "subject" "x" {
	fileinto "A";
}
redirect "also not an address";
