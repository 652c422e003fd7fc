// special-use (RFC 8579): the `specialuse_exists [<mailbox>] <flags>` test and the
// :specialuse tag on fileinto, which stores into the mailbox carrying that RFC 6154 flag and
// falls back to the named mailbox when none does. Mailbox lookups go through the Host.
// Status: complete, except that specialuse_exists with a mailbox only checks that the flag
// belongs to that very mailbox.
#include <algorithm>

#include "base/strings.h"
#include "sieve-lang/ext/builtin.h"
#include "sieve-lang/runtime.h"
#include "sieve-lang/validator.h"

namespace sieve {
namespace {

// RFC 6154 use-attr: "\" followed by an atom.
bool IsSpecialUseFlag(std::string_view flag) {
  return flag.size() > 1 && flag[0] == '\\' &&
         std::all_of(flag.begin() + 1, flag.end(),
                     [](char c) { return base::IsAsciiAlpha(c) || base::IsAsciiDigit(c); });
}

// A flag built from variables is only known at run time.
bool CheckFlags(ValidationContext& ctx, const Node& node, const std::vector<std::string>& flags) {
  for (const std::string& flag : flags) {
    if (flag.find("${") == std::string::npos && !IsSpecialUseFlag(flag)) {
      ctx.Error(node.location, "invalid special-use flag '" + flag + "' specified");
      return false;
    }
  }
  return true;
}

bool ValidateFlags(ValidationContext& ctx, Node& node) {
  return CheckFlags(ctx, node, node.operands.positional.back().strings);
}

bool ValidateTag(ValidationContext& ctx, Node& node) {
  const TagValue* tag = node.operands.FindTag("specialuse");
  return tag == nullptr || !tag->value || CheckFlags(ctx, node, tag->value->strings);
}

TestOutcome Exists(Runtime& rt, const Operands& ops) {
  const std::string* mailbox = ops.positional.size() == 2 ? &ops.positional[0].str() : nullptr;
  for (const std::string& flag : ops.positional.back().strings) {
    std::optional<std::string> found = rt.host().SpecialUseMailbox(flag);
    if (!found || (mailbox != nullptr && *found != *mailbox)) return false;
  }
  return true;
}

void Decorate(Runtime& rt, const Operands& ops, Action& action) {
  if (action.kind != Action::Kind::kStore) return;
  if (const TagValue* tag = ops.FindTag("specialuse")) {
    if (auto mailbox = rt.host().SpecialUseMailbox(tag->value->str())) action.target = *mailbox;
  }
}

const CommandDef& SpecialUseExistsTest() {
  static const CommandDef def{
      .name = "specialuse_exists",
      .kind = CommandKind::kTest,
      .signature = {.positional = {{"mailbox", ArgType::kString},
                                   {"special-use flags", ArgType::kStringList}},
                    .optional_leading = 1},
      .validate = ValidateFlags,
      .evaluate = Exists,
  };
  return def;
}

}  // namespace

const Extension& SpecialUseExtension() {
  static const Extension ext{
      .name = "special-use",
      .commands = {&SpecialUseExistsTest()},
      .external_tags = {{"fileinto", {"specialuse", ArgType::kString, "special-use flag", 0}}},
      .validate_tags = ValidateTag,
      .decorate_action = Decorate,
  };
  return ext;
}

}  // namespace sieve
