// mboxmetadata (RFC 5490 §3.3-§3.4: `metadata`, `metadataexists`) and servermetadata (§4:
// `servermetadata`, `servermetadataexists`): tests on IMAP METADATA annotations (RFC 5464) of
// a mailbox or of the server, whose values come from Host::Metadata (none by default).
// Constant entry names that can never exist draw a warning and make the test false.
// Status: complete.
#include "sieve-lang/ext/builtin.h"
#include "sieve-lang/ext/metadata/metadata.h"

namespace sieve {

const Extension& MboxMetadataExtension() {
  static const Extension ext{
      .name = "mboxmetadata",
      .commands = {&ext::MetadataTest(), &ext::MetadataExistsTest()},
  };
  return ext;
}

const Extension& ServerMetadataExtension() {
  static const Extension ext{
      .name = "servermetadata",
      .commands = {&ext::ServerMetadataTest(), &ext::ServerMetadataExistsTest()},
  };
  return ext;
}

}  // namespace sieve
