# RFC 5490 §4: tests on the server's IMAP METADATA annotations. The start
# of §4.1's example reads the user's notification URI from the server.
# sieve-test's host keeps no annotations, so there is no value: not even
# "*" matches, notif_uri stays empty, and servermetadataexists (§4.2) is
# false. (fileinto stands in for §4.1's notify, which this engine lacks.)
require ["servermetadata", "variables", "fileinto"];

if servermetadata :matches
   "/private/vendor/vendor.isode/notification-uri" "*" {
    set "notif_uri" "${0}";
}

if servermetadataexists "/private/vendor/vendor.isode/notification-uri" {
    fileinto "Notified";
} elsif string :is "${notif_uri}" "" {
    fileinto "Not-notified";
}
