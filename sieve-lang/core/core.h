// Definitions of the RFC 5228 core language, one per file in core/, gathered by
// CoreExtension() (core/core_extension.cc).
#pragma once

#include "sieve-lang/extension.h"

namespace sieve::core {

const CommandDef& RequireCommand();
const CommandDef& IfCommand();
const CommandDef& ElsifCommand();
const CommandDef& ElseCommand();
const CommandDef& StopCommand();
const CommandDef& KeepCommand();
const CommandDef& DiscardCommand();
const CommandDef& RedirectCommand();

const CommandDef& TrueTest();
const CommandDef& FalseTest();
const CommandDef& NotTest();
const CommandDef& AllofTest();
const CommandDef& AnyofTest();
const CommandDef& ExistsTest();
const CommandDef& HeaderTest();
const CommandDef& AddressTest();
const CommandDef& SizeTest();

const Comparator& OctetComparator();
const Comparator& AsciiCasemapComparator();
const Comparator& UnicodeCasemapComparator();
const Comparator& AsciiNumericComparator();

const MatchType& IsMatch();
const MatchType& ContainsMatch();
const MatchType& MatchesMatch();

const AddressPart& AllPart();
const AddressPart& LocalpartPart();
const AddressPart& DomainPart();

}  // namespace sieve::core
