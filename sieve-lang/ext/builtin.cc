#include "sieve-lang/ext/builtin.h"

#include "sieve-lang/registry.h"

namespace sieve {

std::vector<const Extension*> BuiltinExtensions() {
  return {
      &CoreExtension(),
      &OctetComparatorExtension(),
      &AsciiCasemapComparatorExtension(),
      &UnicodeCasemapComparatorExtension(),
      &AsciiNumericComparatorExtension(),
      &FileintoExtension(),
      &EnvelopeExtension(),
      &EncodedCharacterExtension(),
      &CopyExtension(),
      &RelationalExtension(),
      &VariablesExtension(),
      &SubaddressExtension(),
      &IhaveExtension(),
      &EnvironmentExtension(),
      &MailboxExtension(),
      &MboxMetadataExtension(),
      &ServerMetadataExtension(),
      &Imap4flagsExtension(),
      &ImapflagsExtension(),
      &SpecialUseExtension(),
      &DovecotDebugExtension(),
      &DovecotEnvironmentExtension(),
      &DovecotReportExtension(),
      &ExtlistsExtension(),
      &RegexExtension(),
      &DateExtension(),
      &BodyExtension(),
      &RejectExtension(),
      &EarlyRejectExtension(),
      &IncludeExtension(),
      &IndexExtension(),
      &MimeExtension(),
      &ForeverypartExtension(),
      &ExtracttextExtension(),
      &SpamtestExtension(),
      &SpamtestplusExtension(),
      &VirustestExtension(),
      &VacationExtension(),
      &VacationSecondsExtension(),
      &EditheaderExtension(),
      &EnotifyExtension(),
      &DuplicateExtension(),
      &DovecotPipeExtension(),
      &DovecotFilterExtension(),
      &DovecotExecuteExtension(),
  };
}

const Registry& BuiltinRegistry() {
  static const Registry registry(BuiltinExtensions());
  return registry;
}

}  // namespace sieve
