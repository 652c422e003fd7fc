# RFC 5490 §3.3-§3.4: tests on the IMAP METADATA annotations of a mailbox.
# sieve-test has no metadata store, so every annotation is NIL: it does
# not exist. §3.3's example (with fileinto standing in for its vacation
# reply) does not fire; metadata is true only when the annotation exists,
# so not even "*" matches, nor does a :count of "0"; and metadataexists
# is false. Only the last rule files the message.
require ["mboxmetadata", "fileinto", "relational",
         "comparator-i;ascii-numeric"];

if metadata :is "INBOX"
   "/private/vendor/vendor.isode/auto-replies" "on" {
    fileinto "Auto-replied";
}

if metadata :matches "INBOX"
   "/private/vendor/vendor.isode/auto-replies" "*" {
    fileinto "Auto-replies-configured";
}

if metadata :count "eq" :comparator "i;ascii-numeric" "INBOX"
   "/private/vendor/vendor.isode/auto-replies" "0" {
    fileinto "Auto-replies-empty";
}

if not metadataexists "INBOX"
   ["/private/vendor/vendor.isode/auto-replies", "/private/comment"] {
    fileinto "Auto-replies-unset";
}
