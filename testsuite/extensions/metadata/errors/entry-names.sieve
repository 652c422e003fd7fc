require "mboxmetadata";
require "servermetadata";

if anyof (metadata :matches "INBOX" "comment" "*",
		metadataexists "INBOX" "/private//comment",
		servermetadata :matches "/frop" "*",
		servermetadataexists "/shared/vendor/x") {
	discard;
	stop;
}
keep;
