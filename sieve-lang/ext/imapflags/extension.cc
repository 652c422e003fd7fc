// imapflags: the deprecated draft (draft-melnikov-sieve-imapflags-03) that Pigeonhole still
// offers when enabled (`sieve_extensions = +imapflags`; off by default), for old scripts.
// setflag/addflag/removeflag take only a flag list and work on the internal flags variable,
// `mark`/`unmark` add/remove \Flagged, and keep and fileinto store with the current flags.
// It shares imap4flags' internal variable and store decoration; a script may not require
// both. Status: complete.
#include "sieve-lang/ext/builtin.h"
#include "sieve-lang/ext/imap4flags/imap4flags.h"
#include "sieve-lang/runtime.h"

namespace sieve {
namespace {

template <ext::FlagEdit edit>
ExecStatus Edit(Runtime& rt, const Operands& ops) {
  return ext::EditFlagVariable(rt, ext::kInternalFlagsVariable, ops.positional[0].strings, edit);
}

template <ext::FlagEdit edit>
ExecStatus EditFlagged(Runtime& rt, const Operands&) {
  return ext::EditFlagVariable(rt, ext::kInternalFlagsVariable, {"\\Flagged"}, edit);
}

const Signature kFlagList{.positional = {{"list of flags", ArgType::kStringList}}};

const CommandDef& Setflag() {
  static const CommandDef def{.name = "setflag", .signature = kFlagList,
                              .execute = Edit<ext::FlagEdit::kSet>};
  return def;
}

const CommandDef& Addflag() {
  static const CommandDef def{.name = "addflag", .signature = kFlagList,
                              .execute = Edit<ext::FlagEdit::kAdd>};
  return def;
}

const CommandDef& Removeflag() {
  static const CommandDef def{.name = "removeflag", .signature = kFlagList,
                              .execute = Edit<ext::FlagEdit::kRemove>};
  return def;
}

const CommandDef& Mark() {
  static const CommandDef def{.name = "mark", .execute = EditFlagged<ext::FlagEdit::kAdd>};
  return def;
}

const CommandDef& Unmark() {
  static const CommandDef def{.name = "unmark", .execute = EditFlagged<ext::FlagEdit::kRemove>};
  return def;
}

}  // namespace

const Extension& ImapflagsExtension() {
  static const Extension ext{
      .name = "imapflags",
      .commands = {&Setflag(), &Addflag(), &Removeflag(), &Mark(), &Unmark()},
      .decorate_action = ext::DecorateWithFlags,
      .conflicts_with = {"imap4flags"},
  };
  return ext;
}

}  // namespace sieve
