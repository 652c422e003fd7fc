# RFC 5228 §4.1: the mailbox is one string.
require "fileinto";
fileinto ["INBOX.a", "INBOX.b"];
