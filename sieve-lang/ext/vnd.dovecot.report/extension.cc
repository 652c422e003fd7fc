// vnd.dovecot.report (Pigeonhole's spec-bosch-sieve-report): `report [:headers_only]
// <feedback-type> <message> <address>` sends an RFC 5965 feedback report about the message
// (an abuse complaint, say) to the address; the message itself is delivered as it would be
// otherwise. The delivery sends what report_message.cc builds. Status: complete; the
// report's sender follows sieve_report_from in the embedder.
#include "base/strings.h"
#include "mail/address.h"
#include "sieve-lang/ext/builtin.h"
#include "sieve-lang/runtime.h"
#include "sieve-lang/validator.h"

namespace sieve {
namespace {

// RFC 5965 §3.5: feedback-type is an RFC 2045 token.
bool IsToken(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u >= 0x7f || std::string_view("()<>@,;:\\\"/[]?=").find(c) != std::string_view::npos) {
      return false;
    }
  }
  return true;
}

bool HasVariables(std::string_view s) { return s.find("${") != std::string_view::npos; }

bool Validate(ValidationContext& ctx, Node& node) {
  const auto& args = node.operands.positional;
  const std::string& type = args[0].str();
  if (!HasVariables(type) && !IsToken(type)) {
    ctx.Error(node.location, "specified feedback type '" + type + "' is invalid");
    return false;
  }
  if (!base::IsValidUtf8(args[1].str())) {
    ctx.Error(node.location, "the message of the report command is not valid UTF-8");
    return false;
  }
  const std::string& address = args[2].str();
  if (!HasVariables(address) && !mail::SingleAddrSpec(address)) {
    ctx.Error(node.location, "specified report address '" + address + "' is invalid");
    return false;
  }
  return true;
}

ExecStatus Execute(Runtime& rt, const Operands& ops) {
  const std::string& type = ops.positional[0].str();
  if (!IsToken(type)) {
    return std::unexpected(ExecError{"specified feedback type '" + type + "' is invalid"});
  }
  std::optional<std::string> address = mail::SingleAddrSpec(ops.positional[2].str());
  if (!address) {
    return std::unexpected(
        ExecError{"specified report address '" + ops.positional[2].str() + "' is invalid"});
  }
  return rt.AddAction({.kind = Action::Kind::kReport,
                       .target = *address,
                       .report = Action::Report{.feedback_type = base::AsciiToLower(type),
                                                .message = ops.positional[1].str(),
                                                .headers_only = ops.HasTag("headers_only")}});
}

const CommandDef& ReportCommand() {
  static const CommandDef def{
      .name = "report",
      .signature = {.positional = {{"feedback type", ArgType::kString},
                                   {"message", ArgType::kString},
                                   {"address", ArgType::kString}},
                    .tags = {{"headers_only"}}},
      .validate = Validate,
      .execute = Execute,
  };
  return def;
}

}  // namespace

const Extension& DovecotReportExtension() {
  static const Extension ext{.name = "vnd.dovecot.report", .commands = {&ReportCommand()}};
  return ext;
}

}  // namespace sieve
