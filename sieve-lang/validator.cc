#include "sieve-lang/validator.h"

#include <algorithm>

#include "sieve-lang/program.h"
#include "sieve-lang/signature_check.h"

namespace sieve {
namespace {

// Capabilities Pigeonhole offers that this build does not implement yet: naming them lets the
// error say "not supported" rather than "unknown".
constexpr std::string_view kKnownElsewhere[] = {
    "reject", "ereject", "vacation", "vacation-seconds", "subaddress", "relational", "regex",
    "imap4flags", "imapflags", "include", "body", "variables", "enotify", "notify",
    "environment", "mailbox", "mboxmetadata", "servermetadata", "date", "index", "ihave",
    "duplicate", "mime", "foreverypart", "extracttext", "spamtest", "spamtestplus", "virustest",
    "editheader", "special-use", "extlists", "vnd.dovecot.debug", "vnd.dovecot.environment",
    "vnd.dovecot.report", "vnd.dovecot.pipe", "vnd.dovecot.filter", "vnd.dovecot.execute",
    "imapsieve", "vnd.dovecot.imapsieve", "vnd.dovecot.duplicate", "vnd.dovecot.testsuite"};

// Pigeonhole's wording, "(s)" and "is/are" included, so that users see the text they know.
std::string PositionalCountError(const std::string& what, size_t wanted, size_t given) {
  return what + " requires " + std::to_string(wanted) + " positional argument(s), but " +
         std::to_string(given) + " is/are specified";
}

std::string FoundName(const Argument& arg) {
  switch (arg.kind) {
    case Argument::Kind::kString: return "a string";
    case Argument::Kind::kStringList: return "a string list";
    case Argument::Kind::kNumber: return "a number";
    case Argument::Kind::kTag: return "a tag (:" + arg.tag + ")";
  }
  return "?";
}


}  // namespace

ValidationContext::ValidationContext(const Registry& registry, const ExtensionSet& enabled,
                                     const Limits& limits, Diagnostics* diagnostics)
    : registry_(registry), enabled_(enabled), limits_(limits), diagnostics_(diagnostics) {
  for (const Extension* ext : registry_.all()) {
    if (ext->implicit) loaded_.push_back(ext);
  }
}

void ValidationContext::Error(SourceLocation location, std::string message) {
  ++errors_;
  if (diagnostics_->size() >= limits_.max_compile_errors) return;
  diagnostics_->push_back({Diagnostic::Severity::kError, location, std::move(message)});
}

void ValidationContext::Warning(SourceLocation location, std::string message) {
  if (diagnostics_->size() >= limits_.max_compile_errors) return;
  diagnostics_->push_back({Diagnostic::Severity::kWarning, location, std::move(message)});
}

bool ValidationContext::IsAvailable(std::string_view capability) const {
  const Extension* ext = registry_.Find(capability);
  return ext != nullptr && !ext->implicit && enabled_.Contains(ext);
}

bool ValidationContext::IsLoaded(std::string_view capability) const {
  return std::any_of(loaded_.begin(), loaded_.end(),
                     [&](const Extension* e) { return e->name == capability; });
}

void ValidationContext::LoadImplicitly(const Extension* ext) {
  if (std::find(loaded_.begin(), loaded_.end(), ext) == loaded_.end()) loaded_.push_back(ext);
}

bool ValidationContext::Require(std::string_view capability, SourceLocation location) {
  const Extension* ext = registry_.Find(capability);
  if (ext != nullptr && !ext->implicit && IsLoaded(capability)) return true;  // implicit ones
  if (ext != nullptr && !ext->implicit && enabled_.Contains(ext)) {
    if (!IsLoaded(capability)) loaded_.push_back(ext);
    required_at_.emplace_back(ext, location);
    return true;
  }
  std::string name(capability);
  bool elsewhere = ext != nullptr || std::find(std::begin(kKnownElsewhere),
                                               std::end(kKnownElsewhere),
                                               capability) != std::end(kKnownElsewhere);
  if (elsewhere) {
    Error(location, "require command: unsupported extension '" + name +
                        "' (a known Sieve capability, but not available on this server)");
  } else {
    Error(location, "require command: unknown Sieve capability `" + name + "'");
  }
  return false;
}

std::string ValidationContext::Describe(const CommandDef& def) const {
  return "the " + std::string(def.name) +
         (def.kind == CommandKind::kTest ? " test" : " command");
}

std::vector<Node> ValidationContext::ValidateScript(const Script& script) {
  std::vector<Node> nodes = ValidateBlock(script.commands, /*top_level=*/true);
  for (const auto& [ext, location] : required_at_) {
    for (std::string_view other : ext->required_with) {
      if (!IsLoaded(other)) {
        Error(location, "the " + std::string(ext->name) + " extension cannot be used without the " +
                            std::string(other) + " extension");
      }
    }
    for (std::string_view other : ext->conflicts_with) {
      if (IsLoaded(other)) {
        Error(location, "the " + std::string(ext->name) +
                            " extension cannot be used together with the " + std::string(other) +
                            " extension");
      }
    }
  }
  return nodes;
}

std::vector<Node> ValidationContext::ValidateBlock(const std::vector<Command>& commands,
                                                  bool top_level) {
  std::vector<Node> nodes;
  nodes.reserve(commands.size());
  const Node* saved_previous = previous_;
  previous_ = nullptr;
  for (const Command& command : commands) {
    Node node;
    bool ok = ValidateCommand(command, top_level, node);
    if (command.name != "require" && top_level) require_allowed_ = false;
    if (!ok) {
      // Keep a failed but known command as the predecessor, so a broken `if` does not also
      // make every following elsif/else an error.
      if (node.def != nullptr) {
        failed_.push_back(std::move(node));
        previous_ = &failed_.back();
      } else {
        previous_ = nullptr;
      }
      continue;
    }
    nodes.push_back(std::move(node));
    previous_ = &nodes.back();
  }
  previous_ = saved_previous;
  return nodes;
}

const CommandDef* ValidationContext::Lookup(std::string_view name, CommandKind kind,
                                            SourceLocation location, const Extension** owner) {
  for (const Extension* ext : loaded_) {
    for (const CommandDef* def : ext->commands) {
      if (def->name == name && def->kind == kind) {
        *owner = ext;
        return def;
      }
    }
  }
  const char* what = kind == CommandKind::kTest ? "test" : "command";
  // A known name in the wrong place is reported at each use (as Pigeonhole does): every
  // occurrence is a separate mistake, unlike a misspelt name.
  for (const Extension* ext : loaded_) {
    for (const CommandDef* def : ext->commands) {
      if (def->name == name) {
        Error(location, "'" + std::string(name) + "' is a " +
                            (kind == CommandKind::kTest ? "command" : "test") + ", not a " +
                            what);
        return nullptr;
      }
    }
  }
  std::string key = std::string(what) + ":" + std::string(name);
  if (!reported_unknown_.insert(key).second) return nullptr;
  std::string message = "unknown " + std::string(what) + " '" + std::string(name) +
                        "' (only reported once at first occurrence)";
  for (const Extension* ext : registry_.all()) {
    if (!enabled_.Contains(ext) || ext->implicit) continue;
    for (const CommandDef* def : ext->commands) {
      if (def->name == name && def->kind == kind) {
        message += "; it needs 'require \"" + std::string(ext->name) + "\";'";
      }
    }
  }
  Error(location, std::move(message));
  return nullptr;
}

bool ValidationContext::ValidateCommand(const Command& command, bool top_level, Node& node) {
  top_level_ = top_level;
  if (command.name == "require" && (!top_level || !require_allowed_)) {
    Error(command.location,
          "require commands can only be placed at top level at the beginning of the file");
    return false;
  }
  node.def = Lookup(command.name, CommandKind::kCommand, command.location, &node.extension);
  if (node.def == nullptr) return false;
  const CommandDef& def = *node.def;
  node.location = command.location;
  bool ok = BindArguments(command.arguments, node);
  ok = ValidateSubtests(command.tests, command.test_list, command.location, def, node) && ok;
  if (def.signature.block == BlockRule::kRequired && !command.has_block) {
    Error(command.location, Describe(def) + " requires a command block");
    ok = false;
  } else if (def.signature.block == BlockRule::kNone && command.has_block) {
    Error(command.location, Describe(def) + " does not accept a command block");
    ok = false;
  }
  if (ok && def.validate != nullptr) ok = def.validate(*this, node);
  if (ok) ok = ValidateExternalTags(node);
  // Pigeonhole skips blocks under an `if` whose test is false at compile time (a literal
  // `false`, `ihave` of a missing capability): they are neither checked nor compiled.
  bool skip_block = (command.name == "if" || command.name == "elsif") &&
                    node.tests.size() == 1 && node.tests[0].def != nullptr &&
                    node.tests[0].def->statically_false != nullptr &&
                    node.tests[0].def->statically_false(*this, node.tests[0]);
  if (command.has_block && !skip_block) {
    const Node* saved = previous_;
    enclosing_.push_back(&node);
    node.block = ValidateBlock(command.block, /*top_level=*/false);
    enclosing_.pop_back();
    previous_ = saved;
  }
  node.has_block = command.has_block;
  return ok;
}

bool ValidationContext::ValidateTest(const Test& test, Node& node) {
  node.def = Lookup(test.name, CommandKind::kTest, test.location, &node.extension);
  if (node.def == nullptr) return false;
  node.location = test.location;
  bool ok = BindArguments(test.arguments, node);
  ok = ValidateSubtests(test.tests, test.test_list, test.location, *node.def, node) && ok;
  if (ok && node.def->validate != nullptr) ok = node.def->validate(*this, node);
  if (ok) ok = ValidateExternalTags(node);
  return ok;
}

bool ValidationContext::ValidateExternalTags(Node& node) {
  if (node.operands.tags.empty()) return true;
  bool ok = true;
  for (const Extension* ext : loaded_) {
    if (ext->validate_tags != nullptr) ok = ext->validate_tags(*this, node) && ok;
  }
  return ok;
}

bool ValidationContext::ValidateSubtests(const std::vector<Test>& tests, bool test_list,
                                         SourceLocation location, const CommandDef& def,
                                         Node& node) {
  switch (def.signature.subtests) {
    case Subtests::kNone:
      if (!tests.empty()) {
        Error(tests.front().location, Describe(def) + " does not accept " +
                                          (test_list ? "a test list" : "a test"));
        return false;
      }
      return true;
    case Subtests::kOne:
      if (tests.empty() || test_list) {
        Error(location, Describe(def) + " requires a single test" +
                            (test_list ? ", but a test list was found" : ""));
        return false;
      }
      break;
    case Subtests::kList:
      if (!test_list) {
        Error(location, Describe(def) + " requires a test list");
        return false;
      }
      break;
  }
  bool ok = true;
  for (const Test& test : tests) {
    Node child;
    if (ValidateTest(test, child)) {
      node.tests.push_back(std::move(child));
    } else {
      ok = false;
    }
  }
  return ok;
}

std::optional<TagSpec> ValidationContext::FindTagSpec(const CommandDef& def,
                                                      std::string_view tag) const {
  return sieve::FindTagSpec(loaded_, def, tag);
}

bool ValidationContext::TransformStrings(Value& value, SourceLocation location) {
  for (const Extension* ext : loaded_) {
    if (ext->string_transform == nullptr) continue;
    for (std::string& s : value.strings) {
      auto transformed = ext->string_transform(s);
      if (!transformed) {
        Error(location, transformed.error());
        return false;
      }
      s = std::move(*transformed);
    }
  }
  bool ok = true;
  for (const Extension* ext : loaded_) {
    if (ext->check_string == nullptr) continue;
    for (const std::string& s : value.strings) {
      if (auto error = ext->check_string(*this, s)) {
        Error(location, std::move(*error));
        ok = false;
      }
    }
  }
  return ok;
}

bool ValidationContext::Fits(const Argument& arg, ArgType want) {
  return (want == ArgType::kNumber && arg.kind == Argument::Kind::kNumber) ||
         (want == ArgType::kString && arg.kind == Argument::Kind::kString) ||
         (want == ArgType::kStringList &&
          (arg.kind == Argument::Kind::kString || arg.kind == Argument::Kind::kStringList));
}

bool ValidationContext::MakeValue(const Argument& arg, ArgType want, Value& out) {
  out.type = want;
  out.number = arg.number;
  out.strings = arg.strings;
  return want == ArgType::kNumber || TransformStrings(out, arg.location);
}

bool ValidationContext::BindTag(const std::vector<Argument>& args, size_t& i, Node& node) {
  const CommandDef& def = *node.def;
  const Argument& arg = args[i];
  std::optional<TagSpec> spec = FindTagSpec(def, arg.tag);
  if (!spec) {
    std::string key = "tag:" + std::string(def.name) + ":" + arg.tag;
    if (reported_unknown_.insert(key).second) {
      Error(arg.location, "unknown tagged argument ':" + arg.tag + "' for " + Describe(def) +
                              " (reported only once at first occurrence)");
    }
    return false;
  }
  for (const TagValue& seen : node.operands.tags) {
    std::optional<TagSpec> other = FindTagSpec(def, seen.name);
    bool same_group = other && spec->exclusive_group != 0 &&
                      other->exclusive_group == spec->exclusive_group;
    if (seen.name == arg.tag || same_group) {
      // Match types and address parts are named as Pigeonhole names them.
      const char* group = spec->exclusive_group == -1   ? "MATCH-TYPE"
                          : spec->exclusive_group == -2 ? "ADDRESS-PART"
                                                        : nullptr;
      if (same_group && group != nullptr) {
        Error(arg.location, std::string("encountered duplicate ") + group + " argument (:" +
                                arg.tag + ") for " + Describe(def));
      } else {
        Error(arg.location, seen.name == arg.tag
                                ? "the :" + arg.tag + " tag is specified more than once for " +
                                      Describe(def)
                                : "the :" + arg.tag + " tag cannot be combined with :" +
                                      seen.name + " in " + Describe(def));
      }
      return false;
    }
  }
  TagValue tag{arg.tag, std::nullopt};
  if (spec->param) {
    if (i + 1 >= args.size() || !Fits(args[i + 1], *spec->param)) {
      std::string found = i + 1 < args.size() ? FoundName(args[i + 1]) : "none";
      Error(arg.location, "the :" + arg.tag + " tag for " + Describe(def) + " requires " +
                              ArgTypeName(*spec->param) + " as parameter (" +
                              std::string(spec->param_name) + "), but " + found + " was found");
      // Consume a wrong-typed parameter so it is not reported again as a positional argument.
      if (i + 1 < args.size() && args[i + 1].kind != Argument::Kind::kTag) ++i;
      return false;
    }
    if (!MakeValue(args[++i], *spec->param, tag.value.emplace())) return false;
  }
  node.operands.tags.push_back(std::move(tag));
  return true;
}

bool ValidationContext::BindArguments(const std::vector<Argument>& args, Node& node) {
  const CommandDef& def = *node.def;
  const auto& want = def.signature.positional;
  bool ok = true;
  // Tags first (they may consume a parameter); positional arguments are bound afterwards,
  // once their number tells whether optional leading ones were left out.
  std::vector<const Argument*> positional;
  for (size_t i = 0; i < args.size(); ++i) {
    const Argument& arg = args[i];
    if (arg.kind == Argument::Kind::kTag) {
      if (!positional.empty()) {
        Error(arg.location, "the :" + arg.tag + " tag of " + Describe(def) +
                                " must come before its positional arguments (RFC 5228 §2.6.2)");
        return false;
      }
      // Like Pigeonhole, a bad tag ends the check of this command: what follows it is
      // likely misread, and further errors would only echo the first.
      if (!BindTag(args, i, node)) return false;
      continue;
    }
    if (positional.size() >= want.size()) {
      // Positional arguments come last: the rest of them are here.
      size_t given = positional.size() +
                     static_cast<size_t>(std::count_if(args.begin() + static_cast<std::ptrdiff_t>(i),
                                                       args.end(), [](const Argument& a) {
                                                         return a.kind != Argument::Kind::kTag;
                                                       }));
      Error(arg.location, PositionalCountError(Describe(def), want.size(), given));
      return false;
    }
    positional.push_back(&arg);
  }
  size_t missing = want.size() - positional.size();
  size_t skip = missing <= def.signature.optional_leading ? missing : 0;
  for (size_t k = 0; k < positional.size(); ++k) {
    const Argument& arg = *positional[k];
    size_t index = skip + k;
    Value value;
    if (!Fits(arg, want[index].type)) {
      Error(arg.location, Describe(def) + " expects " + ArgTypeName(want[index].type) +
                              " as argument " + std::to_string(index + 1) + " (" +
                              std::string(want[index].name) + "), but " + FoundName(arg) +
                              " was found");
      ok = false;
    } else if (!MakeValue(arg, want[index].type, value)) {
      ok = false;
    }
    node.operands.positional.push_back(std::move(value));
  }
  if (ok && skip == 0 &&
      node.operands.positional.size() + def.signature.optional_trailing < want.size()) {
    Error(node.location,
          PositionalCountError(Describe(def), want.size(), node.operands.positional.size()));
    return false;
  }
  if (!ok) return false;
  if (def.signature.match_tags || def.signature.address_part_tags) {
    if (auto err = ResolveMatchTags(loaded_, def.signature, node.operands)) {
      Error(node.location, *err);
      return false;
    }
    // The key list is the last positional argument of every test with match types.
    const Operands& ops = node.operands;
    if (def.signature.match_tags && ops.match_type != nullptr && !ops.positional.empty()) {
      for (const std::string& key : ops.positional.back().strings) {
        if (key.find("${") != std::string::npos && IsLoaded("variables")) continue;
        if (auto err = ops.match_type->CheckKey(key, *ops.comparator)) {
          Error(node.location, *err);
          return false;
        }
      }
    }
  }
  return true;
}

}  // namespace sieve
