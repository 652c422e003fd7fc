// What an extension registers (design.md §2.3): commands and tests described mostly by data
// (a Signature), plus hooks for what a signature cannot say. Definitions are constants with
// static storage owned by their extension; the registry only points at them.
#pragma once

#include <expected>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sieve-lang/address_part.h"
#include "sieve-lang/comparator.h"
#include "sieve-lang/match_type.h"
#include "sieve-lang/value.h"

namespace sieve {

class CodeGenerator;
class Runtime;
class ValidationContext;
struct Action;
struct Node;

struct TagSpec {
  std::string_view name;  // without ':'
  std::optional<ArgType> param;
  std::string_view param_name;  // for messages: "the :days tag ... (days)"
  int exclusive_group = 0;      // tags sharing a nonzero group exclude each other
};

struct PositionalSpec {
  std::string_view name;  // for messages: "argument 1 (folder)"
  ArgType type;           // kStringList also accepts a single string
};

enum class Subtests { kNone, kOne, kList };  // kList: a test-list (allof, anyof)
enum class BlockRule { kNone, kRequired };

struct Signature {
  std::vector<PositionalSpec> positional;
  // How many leading positional arguments may be left out (imap4flags' optional variable
  // name); the rest then bind to the last specs.
  size_t optional_leading = 0;
  // How many trailing positional arguments may be left out (the argument list of pipe,
  // filter and execute). A signature uses this or optional_leading, not both.
  size_t optional_trailing = 0;
  std::vector<TagSpec> tags;
  bool match_tags = false;         // :comparator plus every registered match type
  // The comparator when :comparator is absent (RFC 5228 §2.7.3; some testsuite tests differ).
  std::string_view default_comparator = "i;ascii-casemap";
  bool address_part_tags = false;  // every registered address part
  Subtests subtests = Subtests::kNone;
  BlockRule block = BlockRule::kNone;
};

struct ExecError {
  std::string message;
};
using ExecStatus = std::expected<void, ExecError>;
using TestOutcome = std::expected<bool, ExecError>;

enum class CommandKind { kCommand, kTest };

struct CommandDef {
  std::string_view name;
  CommandKind kind = CommandKind::kCommand;
  Signature signature;
  // Checks the signature cannot express; reports through ctx and returns false on error.
  bool (*validate)(ValidationContext& ctx, Node& node) = nullptr;
  // Custom code generation (control structures); default: one invoke instruction.
  void (*generate)(CodeGenerator& gen, Node& node) = nullptr;
  // Tests known to be false at compile time: the block they guard is neither validated nor
  // compiled (a literal `false`; `ihave` of a capability this build lacks).
  bool (*statically_false)(const ValidationContext& ctx, const Node& node) = nullptr;
  ExecStatus (*execute)(Runtime& rt, const Operands& ops) = nullptr;   // commands
  TestOutcome (*evaluate)(Runtime& rt, const Operands& ops) = nullptr;  // tests
};

// A tag one extension adds to another's command (":copy" on redirect and fileinto).
struct ExternalTag {
  std::string_view command;
  TagSpec tag;
};

// Rewrites a string literal while validating (encoded-character). Returns the new text or an
// error message.
using StringTransform = std::expected<std::string, std::string> (*)(std::string_view);

struct Extension {
  std::string_view name;  // the capability string, as in `require`
  std::vector<const CommandDef*> commands;  // commands and tests; the index is the local opcode
  std::vector<ExternalTag> external_tags;
  std::vector<const Comparator*> comparators;
  std::vector<const MatchType*> match_types;
  std::vector<const AddressPart*> address_parts;
  StringTransform string_transform = nullptr;
  // Checks every string literal of a script that requires this extension, after the string
  // transforms; returns the error to report (variables: references it cannot resolve).
  std::optional<std::string> (*check_string)(const ValidationContext& ctx,
                                             std::string_view text) = nullptr;
  // Whether strings in scripts that require this extension expand "${...}" at run time
  // (variables, RFC 5229 §3).
  bool expands_variables = false;
  // Checks what the tags this extension adds to other commands need beyond their types (index:
  // :last only with :index, :index not 0). Called for every command and test of a script that
  // loaded the extension, after the command's own checks; reports through ctx.
  bool (*validate_tags)(ValidationContext& ctx, Node& node) = nullptr;
  // Adjusts every action a script adds, given the operands of the command adding it
  // (imap4flags attaches the flags of :flags or of its internal variable to keep/fileinto).
  void (*decorate_action)(Runtime& rt, const Operands& ops, Action& action) = nullptr;
  // A variable namespace this extension answers ("tst" for ${tst.path}), and how.
  std::string_view variable_namespace;
  std::optional<std::string> (*read_namespace_variable)(Runtime& rt, std::string_view name) =
      nullptr;
  // Writes a variable of that namespace (`set "global.x"`); null: the namespace is read-only
  // and the value is kept as a local variable of the script.
  ExecStatus (*write_namespace_variable)(Runtime& rt, std::string_view name,
                                         std::string value) = nullptr;
  // Capabilities a script must require too when it requires this one (extracttext needs
  // foreverypart, RFC 5703 §7); checked once all requires are known.
  std::vector<std::string_view> required_with;
  // Capabilities a script may not require together with this one (imapflags and imap4flags
  // define the same commands).
  std::vector<std::string_view> conflicts_with;
  bool implicit = false;  // always loaded, never required (the core language)
  // The Pigeonhole plugin that provides it (`sieve_plugins`, e.g. "sieve_extprograms"); until
  // the configuration loads that plugin the engine does not know the extension. Empty: built in.
  std::string_view plugin;
};

}  // namespace sieve
