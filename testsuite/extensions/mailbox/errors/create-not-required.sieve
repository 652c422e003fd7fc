# RFC 5490 §3.2: "The capability string for use with the ":create"
# parameter is "mailbox"."
require "fileinto";
fileinto :create "Partners";
