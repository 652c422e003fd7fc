# Roost demo filter: what `make run` compiles and runs over demo/messages/.
require ["fileinto", "envelope", "copy", "encoded-character"];

# Mailing lists go to their own folder.
if header :contains "list-id" "<roost-users.lists.example.org>" {
  fileinto "Lists/roost-users";  # "/" separates folder levels in Roost's mailbox names
  stop;
}

# Obvious spam is dropped; likely spam goes to Junk.
if header :matches "x-spam-score" "1?" {
  discard;
  stop;
} elsif anyof (header :contains "subject" ["viagra", "lottery"],
               address :domain "from" "spam.example") {
  fileinto "Junk";
  stop;
}

# Invoices from the accounting system: file them and keep a copy for the boss.
if allof (address :is "from" "billing@shop.example",
          header :contains "subject" "invoice") {
  fileinto "Invoices";
  redirect :copy "boss@example.com";
}

# Mail sent to the old address is also kept in a folder named with a UTF-8 character.
if envelope :localpart "to" "old-alias" {
  fileinto "Archiv-${unicode:00e4}lt";
}
