// date (RFC 5260 §4-5): `date` on a header's RFC 5322 date-time and `currentdate` on the
// host's clock, comparing one date part. :zone converts to the given offset, :originalzone
// (date only) keeps the header's; the default is the server's local zone. A field that is
// not a valid date-time yields no value (RFC 5260 §4.1). Status: complete; the index
// extension (RFC 5260 §6) is not provided yet.
#include "mail/date.h"
#include "sieve-lang/ext/builtin.h"
#include "sieve-lang/ext/date/date_parts.h"
#include "sieve-lang/runtime.h"
#include "sieve-lang/validator.h"

namespace sieve {
namespace {

bool Validate(ValidationContext& ctx, Node& node) {
  const Operands& ops = node.operands;
  const std::string& part = ops.positional[ops.positional.size() - 2].str();
  if (part.find("${") == std::string::npos && !ext::IsDatePart(part)) {
    ctx.Error(node.location, "invalid date part '" + part + "' specified");
    return false;
  }
  if (const TagValue* zone = ops.FindTag("zone")) {
    const std::string& text = zone->value->str();
    if (text.find("${") == std::string::npos && !ext::ParseZone(text)) {
      ctx.Error(node.location, "invalid time zone '" + text + "' specified");
      return false;
    }
  }
  return true;
}

// The zone to show `epoch` in: :zone, else the original one when asked, else local.
int ZoneFor(const Operands& ops, int64_t epoch, std::optional<int> original) {
  if (const TagValue* zone = ops.FindTag("zone")) {
    if (auto minutes = ext::ParseZone(zone->value->str())) return *minutes;
  }
  if (original && ops.HasTag("originalzone")) return *original;
  return ext::LocalZoneMinutes(epoch);
}

TestOutcome EvaluateDate(Runtime& rt, const Operands& ops) {
  const std::string& part = ops.positional[1].str();
  if (!ext::IsDatePart(part)) return false;
  std::vector<std::string> values;
  std::vector<std::string> scratch;
  for (const std::string& value : rt.HeaderValues(ops, ops.positional[0].str(), scratch)) {
    // For Received: and the like the date follows the last ';' (RFC 5322 §3.6.7).
    std::string_view text = value;
    if (size_t semi = text.rfind(';'); semi != std::string_view::npos) text.remove_prefix(semi + 1);
    if (auto date = mail::ParseDateTime(text)) {
      values.push_back(ext::DatePart(
          part, date->epoch_seconds, ZoneFor(ops, date->epoch_seconds, date->zone_minutes)));
    }
  }
  return rt.MatchAny(ops, values, ops.positional[2].strings);
}

TestOutcome EvaluateCurrentDate(Runtime& rt, const Operands& ops) {
  const std::string& part = ops.positional[0].str();
  if (!ext::IsDatePart(part)) return false;
  int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                    rt.host().Now().time_since_epoch()).count();
  std::vector<std::string> values{ext::DatePart(part, now, ZoneFor(ops, now, std::nullopt))};
  return rt.MatchAny(ops, values, ops.positional[1].strings);
}

const CommandDef& DateTest() {
  static const CommandDef def{
      .name = "date",
      .kind = CommandKind::kTest,
      .signature = {.positional = {{"header name", ArgType::kString},
                                   {"date part", ArgType::kString},
                                   {"key list", ArgType::kStringList}},
                    .tags = {{"zone", ArgType::kString, "time zone", 1},
                             {"originalzone", std::nullopt, {}, 1}},
                    .match_tags = true},
      .validate = Validate,
      .evaluate = EvaluateDate,
  };
  return def;
}

const CommandDef& CurrentDateTest() {
  static const CommandDef def{
      .name = "currentdate",
      .kind = CommandKind::kTest,
      .signature = {.positional = {{"date part", ArgType::kString},
                                   {"key list", ArgType::kStringList}},
                    .tags = {{"zone", ArgType::kString, "time zone", 1}},
                    .match_tags = true},
      .validate = Validate,
      .evaluate = EvaluateCurrentDate,
  };
  return def;
}

}  // namespace

const Extension& DateExtension() {
  static const Extension ext{.name = "date", .commands = {&DateTest(), &CurrentDateTest()}};
  return ext;
}

}  // namespace sieve
