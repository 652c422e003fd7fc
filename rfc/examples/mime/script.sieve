# RFC 5703 §4: with :mime, header parses MIME fields (:type, :subtype,
# :contenttype, :param); with :anychild too, it looks at the header of
# every MIME part instead of the top-level header only. This message is
# multipart/mixed: a text/plain + text/calendar alternative, then a PDF.
# It is not a delivery report, it carries an invitation (method REQUEST,
# not CANCEL) and a PDF, so it is filed in two folders.
require ["mime", "fileinto"];

# Bounces are multipart/report at the top level; this one is
# multipart/mixed.
if header :mime :subtype "Content-Type" "report" {
    fileinto "Bounces";
    stop;
}

# A meeting request in any part; its "method" parameter tells an
# invitation from a cancellation.
if header :mime :anychild :contenttype "Content-Type" "text/calendar" {
    if header :mime :anychild :param "method" "Content-Type" "CANCEL" {
        fileinto "Calendar/Cancelled";
    } else {
        fileinto "Calendar/Invitations";
    }
}

# An attached PDF, by the filename parameter of Content-Disposition
# (there is none in the top-level header).
if header :mime :anychild :param "filename" :matches
          "Content-Disposition" "*.pdf" {
    fileinto "Documents";
}
