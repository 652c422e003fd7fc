// The explicit list of extensions this build has (house rule 4: no static self-registration).
#pragma once

#include <vector>

#include "sieve-lang/extension.h"

namespace sieve {

const Extension& CoreExtension();
const Extension& OctetComparatorExtension();
const Extension& AsciiCasemapComparatorExtension();
const Extension& UnicodeCasemapComparatorExtension();
const Extension& AsciiNumericComparatorExtension();
const Extension& FileintoExtension();
const Extension& EnvelopeExtension();
const Extension& EncodedCharacterExtension();
const Extension& CopyExtension();
const Extension& RelationalExtension();
const Extension& VariablesExtension();
const Extension& SubaddressExtension();
const Extension& IhaveExtension();
const Extension& EnvironmentExtension();
const Extension& MailboxExtension();
const Extension& MboxMetadataExtension();
const Extension& ServerMetadataExtension();
const Extension& Imap4flagsExtension();
const Extension& ImapflagsExtension();  // deprecated, off by default
const Extension& SpecialUseExtension();
const Extension& DovecotDebugExtension();
const Extension& DovecotEnvironmentExtension();
const Extension& DovecotReportExtension();
const Extension& ExtlistsExtension();
const Extension& RegexExtension();
const Extension& DateExtension();
const Extension& BodyExtension();
const Extension& IncludeExtension();
const Extension& IndexExtension();
const Extension& MimeExtension();
const Extension& ForeverypartExtension();
const Extension& ExtracttextExtension();

const Extension& RejectExtension();
const Extension& EarlyRejectExtension();
const Extension& SpamtestExtension();
const Extension& SpamtestplusExtension();
const Extension& VirustestExtension();
const Extension& VacationExtension();
const Extension& VacationSecondsExtension();
const Extension& EditheaderExtension();
const Extension& EnotifyExtension();
const Extension& DuplicateExtension();
// sieve_extprograms (a Pigeonhole plugin: known only when sieve_plugins lists it).
const Extension& DovecotPipeExtension();
const Extension& DovecotFilterExtension();
const Extension& DovecotExecuteExtension();

// Every extension, the core language first.
std::vector<const Extension*> BuiltinExtensions();

}  // namespace sieve
