# RFC 5228 §4.1: fileinto is an action, not a test.
require "fileinto";
if fileinto "INBOX.a" { keep; }
