# Helper for execute.svtest: flag actions alone (RFC 5232 §6: the implicit
# keep is not changed).
require "imap4flags";
setflag "\\Seen";
addflag "$Checked";
removeflag "\\Seen";
