require "mboxmetadata";
require "servermetadata";

# 1: the mailbox is missing
if metadata "/private/comment" "frop" { }
# 2: servermetadata takes no mailbox
if servermetadata "INBOX" "/shared/admin" "frop" { }
# 3: a number is no mailbox name
if metadataexists 1 "/private/comment" { }
# 4: not a command
servermetadataexists "/shared/admin";
# 5: metadataexists has no match type
if metadataexists :is "INBOX" "/private/comment" { }
