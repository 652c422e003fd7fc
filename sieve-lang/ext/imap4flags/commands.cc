// RFC 5232 §5 setflag / addflag / removeflag [<variable>] <flags>, and §6 hasflag
// [MATCH-TYPE] [COMPARATOR] [<variables>] <flags>. Without a variable name they work on the
// internal flags variable, which keep and fileinto use when they have no :flags.
#include "sieve-lang/ext/imap4flags/flags.h"
#include "sieve-lang/ext/imap4flags/imap4flags.h"
#include "sieve-lang/runtime.h"

namespace sieve::ext {
namespace {

// The variable a flag command names, or the internal one.
std::string_view Target(const Operands& ops) {
  return ops.positional.size() == 2 ? std::string_view(ops.positional[0].str())
                                    : kInternalFlagsVariable;
}

template <FlagEdit edit>
ExecStatus EditFlags(Runtime& rt, const Operands& ops) {
  return EditFlagVariable(rt, Target(ops), ops.positional.back().strings, edit);
}

TestOutcome HasFlag(Runtime& rt, const Operands& ops) {
  std::vector<std::string> names;
  if (ops.positional.size() == 2) {
    names = ops.positional[0].strings;
  } else {
    names.emplace_back(kInternalFlagsVariable);
  }
  std::vector<std::string> stored;
  for (const std::string& name : names) AddFlags(stored, ParseFlags({rt.GetVariable(name)}));
  // Keys are flag lists too ("b A" names two flags); :count compares its number as given.
  std::vector<std::string> keys = ops.match_type->CountsValues()
                                      ? ops.positional.back().strings
                                      : ParseFlags(ops.positional.back().strings);
  return rt.MatchAny(ops, stored, keys);
}

Signature FlagSignature() {
  return {.positional = {{"variable name", ArgType::kString}, {"list of flags", ArgType::kStringList}},
          .optional_leading = 1};
}

}  // namespace

ExecStatus EditFlagVariable(Runtime& rt, std::string_view variable,
                            const std::vector<std::string>& given, FlagEdit edit) {
  std::vector<std::string> parsed = ParseFlags(given);
  std::vector<std::string> flags;
  if (edit != FlagEdit::kSet) flags = ParseFlags({rt.GetVariable(variable)});
  if (edit == FlagEdit::kRemove) {
    RemoveFlags(flags, parsed);
  } else {
    AddFlags(flags, parsed);
  }
  return rt.SetVariable(variable, JoinFlags(flags));
}

const CommandDef& SetflagCommand() {
  static const CommandDef def{.name = "setflag", .signature = FlagSignature(),
                              .execute = EditFlags<FlagEdit::kSet>};
  return def;
}

const CommandDef& AddflagCommand() {
  static const CommandDef def{.name = "addflag", .signature = FlagSignature(),
                              .execute = EditFlags<FlagEdit::kAdd>};
  return def;
}

const CommandDef& RemoveflagCommand() {
  static const CommandDef def{.name = "removeflag", .signature = FlagSignature(),
                              .execute = EditFlags<FlagEdit::kRemove>};
  return def;
}

const CommandDef& HasflagTest() {
  static const CommandDef def{
      .name = "hasflag",
      .kind = CommandKind::kTest,
      .signature = {.positional = {{"variable list", ArgType::kStringList},
                                   {"list of flags", ArgType::kStringList}},
                    .optional_leading = 1,
                    .match_tags = true},
      .evaluate = HasFlag,
  };
  return def;
}

}  // namespace sieve::ext
