# RFC 5228 §4.1: "The capability string for use with the require command is
# "fileinto"."
fileinto "INBOX.harassment";
