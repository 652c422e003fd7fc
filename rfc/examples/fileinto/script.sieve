# RFC 5228 §4.1: the example; message A (RFC 5228 §1.2) is filed into
# mailbox "INBOX.harassment", which cancels the implicit keep.
require "fileinto";
if header :contains ["from"] "coyote" {
   fileinto "INBOX.harassment";
}
