# RFC 5228 §4.1: the mailbox argument of fileinto is a string, not a number.
require "fileinto";
fileinto 42;
