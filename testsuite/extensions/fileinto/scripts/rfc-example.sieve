# RFC 5228 §4.1: the example; message A is filed into "INBOX.harassment".
require "fileinto";
if header :contains ["from"] "coyote" {
   fileinto "INBOX.harassment";
}
