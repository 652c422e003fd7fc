// addheader [":last"] <field-name: string> <value: string> (RFC 5293 §4): adds a field at the
// top of the header, or at its end with :last. The value is checked at compile time when it
// is a literal, otherwise when the command runs.
#include <memory>

#include "mail/header.h"
#include "sieve-lang/ext/editheader/editheader.h"
#include "sieve-lang/node.h"
#include "sieve-lang/runtime.h"
#include "sieve-lang/validator.h"

namespace sieve::ext {
namespace {

// What is wrong with the name or value, if anything; `what` names the command or action.
std::optional<std::string> Problem(std::string_view what, std::string_view name,
                                   std::string_view value, size_t max_size, bool check_name,
                                   bool check_value) {
  std::string prefix = "addheader " + std::string(what) + ": ";
  // RFC 5293 §4: an invalid field name MUST be flagged as an error.
  if (check_name && !mail::IsFieldName(name)) {
    return prefix + "specified field name `" + Sanitized(name) + "' is invalid";
  }
  if (!check_value) return std::nullopt;
  if (!IsValidFieldValue(value)) {
    return prefix + "specified value `" + Sanitized(value) + "' is invalid";
  }
  // RFC 5293 §4: the implementation MAY limit the size (sieve_editheader_max_header_size).
  if (value.size() > max_size) {
    return prefix + "specified header value `" + Sanitized(value) + "' is too large (" +
           std::to_string(value.size()) + " bytes)";
  }
  return std::nullopt;
}

bool Validate(ValidationContext& ctx, Node& node) {
  const std::string& name = node.operands.positional[0].str();
  const std::string& value = node.operands.positional[1].str();
  if (auto problem = Problem("command", name, value, ctx.limits().max_header_size,
                             !KnownAtRunTime(ctx, name), !KnownAtRunTime(ctx, value))) {
    ctx.Error(node.location, *problem);
    return false;
  }
  return true;
}

ExecStatus Execute(Runtime& rt, const Operands& ops) {
  const std::string& name = ops.positional[0].str();
  const std::string& value = ops.positional[1].str();
  if (auto problem = Problem("action", name, value, rt.limits().max_header_size, true, true)) {
    return std::unexpected(ExecError{*problem});
  }
  // RFC 5293 §6: a change the policy forbids is silently ignored.
  if (!MayAddField(rt.host(), name)) {
    rt.Trace(TraceLevel::kActions, 0,
             "addheader: adding header field `" + name + "' is forbidden; ignored");
    return {};
  }
  RawHeader header = SplitHeader(rt.message().bytes());
  std::string field = FormatField(name, value, header.eol);
  auto at = ops.HasTag("last") ? header.fields.end() : header.fields.begin();
  header.fields.insert(at, field);
  if (rt.Tracing(TraceLevel::kActions)) {
    rt.Trace(TraceLevel::kActions, 0, "add header field: " + Sanitized(field));
  }
  rt.EditMessage(
      std::make_shared<const mail::Message>(JoinHeader(header.fields, header.rest, header.eol)));
  return {};
}

}  // namespace

const CommandDef& AddheaderCommand() {
  static const CommandDef def{
      .name = "addheader",
      .signature = {.positional = {{"field name", ArgType::kString}, {"value", ArgType::kString}},
                    .tags = {{"last", std::nullopt, {}, 0}}},
      .validate = Validate,
      .execute = Execute,
  };
  return def;
}

}  // namespace sieve::ext
