// deleteheader [":index" <fieldno: number> [":last"]] [COMPARATOR] [MATCH-TYPE]
//              <field-name: string> [<value-patterns: string-list>] (RFC 5293 §5): deletes
// the named fields whose value matches a pattern (all of them without patterns), or only the
// fieldno-th one (counted from the end with :last).
#include <memory>

#include "base/strings.h"
#include "mail/header.h"
#include "sieve-lang/ext/editheader/editheader.h"
#include "sieve-lang/node.h"
#include "sieve-lang/runtime.h"
#include "sieve-lang/validator.h"

namespace sieve::ext {
namespace {

// With one positional argument it is the field name (the patterns are optional).
const Value& NameOperand(const Operands& ops) { return ops.positional[0]; }
const std::vector<std::string>* Patterns(const Operands& ops) {
  return ops.positional.size() > 1 ? &ops.positional[1].strings : nullptr;
}

bool Validate(ValidationContext& ctx, Node& node) {
  const Operands& ops = node.operands;
  // RFC 5293 §5: :last without :index MUST be flagged as an error.
  const TagValue* index = ops.FindTag("index");
  if (ops.HasTag("last") && index == nullptr) {
    ctx.Error(node.location,
              "the :last tag for the deleteheader command cannot be specified without the "
              ":index tag");
    return false;
  }
  if (index != nullptr && index->value && index->value->number == 0) {
    ctx.Error(node.location, "deleteheader command: the :index tag counts fields from 1");
    return false;
  }
  const Value& name = NameOperand(ops);
  if (name.strings.size() != 1) {
    ctx.Error(node.location, "deleteheader command: the field name must be a single string");
    return false;
  }
  // RFC 5293 §5: an invalid field name MUST be flagged as an error.
  if (!KnownAtRunTime(ctx, name.str()) && !mail::IsFieldName(name.str())) {
    ctx.Error(node.location, "deleteheader command: specified field name `" +
                                 Sanitized(name.str()) + "' is invalid");
    return false;
  }
  return true;
}

// Positions in `fields` of the fields called `name` that the :index tag selects.
std::vector<size_t> Selected(const Operands& ops, const std::vector<std::string_view>& fields,
                             std::string_view name) {
  std::vector<size_t> named;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (base::EqualsIgnoreCase(FieldName(fields[i]), name)) named.push_back(i);
  }
  const TagValue* index = ops.FindTag("index");
  if (index == nullptr) return named;
  // RFC 5293 §5: counting happens before matching; an index past the end is no error.
  uint64_t n = index->value->number;
  if (n == 0 || n > named.size()) return {};
  return {ops.HasTag("last") ? named[named.size() - n] : named[n - 1]};
}

ExecStatus Execute(Runtime& rt, const Operands& ops) {
  const std::string& name = NameOperand(ops).str();
  if (!mail::IsFieldName(name)) {
    return std::unexpected(ExecError{"deleteheader action: specified field name `" +
                                     Sanitized(name) + "' is invalid"});
  }
  // RFC 5293 §6: a change the policy forbids is silently ignored.
  if (!MayDeleteField(rt.host(), name)) {
    rt.Trace(TraceLevel::kActions, 0,
             "deleteheader: deleting header field `" + name + "' is forbidden; ignored");
    return {};
  }
  RawHeader header = SplitHeader(rt.message().bytes());
  std::vector<bool> doomed(header.fields.size(), false);
  bool any = false;
  for (size_t i : Selected(ops, header.fields, name)) {
    // "performed as if by the header test": unfolded, trimmed, decoded values. Match
    // variables stay as they are: this is a command, not a test.
    if (const auto* patterns = Patterns(ops);
        patterns != nullptr &&
        !rt.MatchAny(ops, {FieldValue(header.fields[i])}, *patterns, false)) {
      continue;
    }
    doomed[i] = true;
    any = true;
  }
  if (!any) return {};
  std::vector<std::string_view> kept;
  for (size_t i = 0; i < header.fields.size(); ++i) {
    if (!doomed[i]) kept.push_back(header.fields[i]);
  }
  if (rt.Tracing(TraceLevel::kActions)) {
    rt.Trace(TraceLevel::kActions, 0,
             "delete header field `" + name + "' (" +
                 std::to_string(header.fields.size() - kept.size()) + " occurrences)");
  }
  rt.EditMessage(std::make_shared<const mail::Message>(JoinHeader(kept, header.rest, header.eol)));
  return {};
}

}  // namespace

const CommandDef& DeleteheaderCommand() {
  static const CommandDef def{
      .name = "deleteheader",
      // The patterns are optional: a single argument binds to the last spec.
      .signature = {.positional = {{"field name", ArgType::kString},
                                   {"value patterns", ArgType::kStringList}},
                    .optional_leading = 1,
                    .tags = {{"index", ArgType::kNumber, "field number", 0},
                             {"last", std::nullopt, {}, 0}},
                    .match_tags = true},
      .validate = Validate,
      .execute = Execute,
  };
  return def;
}

}  // namespace sieve::ext
