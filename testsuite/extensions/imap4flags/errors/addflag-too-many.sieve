# RFC 5232 §3.2: addflag takes an optional variable name and a flag list,
# no third argument.
require ["imap4flags", "variables"];
addflag "var" "\\Seen" "\\Draft";
