// test_set "message" | "envelope.<member>" VALUE (testsuite-spec §5.3).
#include <algorithm>

#include "base/strings.h"
#include "mail/address.h"
#include "sieve-lang/runtime.h"
#include "sieve-lang/validator.h"
#include "testsuite/commands.h"
#include "testsuite/state.h"

namespace testsuite {
namespace {

constexpr std::string_view kEnvelopeMembers[] = {"from", "to", "orig_to", "auth"};

bool Validate(sieve::ValidationContext& ctx, sieve::Node& node) {
  const std::string& object = node.operands.positional[0].str();
  std::string lower = base::AsciiToLower(object);
  size_t dot = lower.find('.');
  std::string name = lower.substr(0, dot);
  std::string member = dot == std::string::npos ? "" : lower.substr(dot + 1);
  std::string original_name = object.substr(0, dot);
  if (name != "message" && name != "envelope") {
    ctx.Error(node.location, "unknown testsuite object '" + original_name + "'");
    return false;
  }
  bool member_ok = name == "message"
                       ? dot == std::string::npos
                       : std::find(std::begin(kEnvelopeMembers), std::end(kEnvelopeMembers),
                                   member) != std::end(kEnvelopeMembers);
  if (!member_ok) {
    ctx.Error(node.location, "member '" + object.substr(dot == std::string::npos ? 0 : dot + 1) +
                                 "' does not exist for testsuite object '" + original_name + "'");
    return false;
  }
  return true;
}

// An SMTP path with optional angle brackets; "" and "<>" are the null path.
std::string_view StripBrackets(std::string_view path) {
  path = base::TrimWhitespace(path);
  if (path.size() >= 2 && path.front() == '<' && path.back() == '>') {
    path = path.substr(1, path.size() - 2);
  }
  return path;
}

sieve::ExecStatus Execute(sieve::Runtime& rt, const sieve::Operands& ops) {
  State& state = StateOf(rt);
  std::string object = base::AsciiToLower(ops.positional[0].str());
  const std::string& value = ops.positional[1].str();
  sieve::Envelope& env = state.mutable_envelope();
  if (object == "message") {
    state.SetMessage(value);
    SetCurrentFlags(rt, {});
  } else if (object == "envelope.from") {
    std::string_view path = StripBrackets(value);
    if (!path.empty() && !mail::ParseEnvelopePath(path)) {
      state.LogError("invalid envelope sender '" + value + "'");
      path = {};
    }
    env.from = std::string(path);
  } else if (object == "envelope.to") {
    env.to = env.orig_to = std::string(StripBrackets(value));
  } else if (object == "envelope.orig_to") {
    env.orig_to = std::string(StripBrackets(value));
  } else if (object == "envelope.auth") {
    env.auth = value;
  }
  rt.Rebind(state.message(), state.envelope());
  return {};
}

}  // namespace

const sieve::CommandDef& TestSetCommand() {
  static const sieve::CommandDef def{
      .name = "test_set",
      .signature = {.positional = {{"object", sieve::ArgType::kString},
                                   {"value", sieve::ArgType::kString}}},
      .validate = Validate,
      .execute = Execute,
  };
  return def;
}

}  // namespace testsuite
