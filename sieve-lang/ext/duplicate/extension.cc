// duplicate (RFC 7352): `duplicate [:handle s] [:header s | :uniqueid s] [:seconds n]
// [:last]` is true when this message's ID (Message-ID, a header's value, or :uniqueid) was
// seen before. The ID is recorded only by the duplicate_mark action, which the embedder
// carries out at the end of a successful execution (§3.1), in the Host's tracking database.
// Settings: sieve_duplicate_default_period (14d), sieve_duplicate_max_period (7d; caps
// :seconds). Status: complete.
#include "base/duration.h"
#include "base/strings.h"
#include "mail/header.h"
#include "sieve-lang/ext/builtin.h"
#include "sieve-lang/ext/duplicate/duplicate.h"
#include "sieve-lang/runtime.h"
#include "sieve-lang/validator.h"

namespace sieve {
namespace {

std::chrono::seconds Period(const Host& host, std::string_view key, std::chrono::seconds fallback) {
  std::optional<std::string> value = host.Setting(key);
  if (!value) return fallback;
  std::optional<std::chrono::milliseconds> parsed = base::ParseDuration(*value);
  if (!parsed) return fallback;
  return std::chrono::duration_cast<std::chrono::seconds>(*parsed);
}

bool Validate(ValidationContext& ctx, Node& node) {
  const TagValue* header = node.operands.FindTag("header");
  if (header && header->value->str().find("${") == std::string::npos &&
      !mail::IsFieldName(header->value->str())) {
    ctx.Error(node.location, "duplicate test: :header: specified header field name '" +
                                 header->value->str() + "' is invalid");
    return false;
  }
  return true;
}

// RFC 7352 §3.1-§3.3: the ID this message is tracked by; nullopt when it has none.
std::optional<std::string> UniqueId(Runtime& rt, const Operands& ops) {
  if (const TagValue* tag = ops.FindTag("uniqueid")) return tag->value->str();
  std::string name = "message-id";
  if (const TagValue* tag = ops.FindTag("header")) name = tag->value->str();
  std::vector<std::string_view> values = rt.message().headers().GetAll(name);
  if (values.empty()) return std::nullopt;
  std::string_view value = base::TrimWhitespace(values.front());
  if (value.empty()) return std::nullopt;
  return std::string(value);
}

TestOutcome Evaluate(Runtime& rt, const Operands& ops) {
  std::optional<std::string> id = UniqueId(rt, ops);
  if (!id) return false;  // §3.2: nothing to track
  const TagValue* handle = ops.FindTag("handle");
  std::string key = ext::DuplicateKey(handle ? std::optional(handle->value->str()) : std::nullopt,
                                      *id);
  Host& host = rt.host();
  std::chrono::seconds period = Period(host, "sieve_duplicate_default_period", ext::kDefaultPeriod);
  if (const TagValue* seconds = ops.FindTag("seconds")) {
    std::chrono::seconds max = Period(host, "sieve_duplicate_max_period", ext::kMaxPeriod);
    period = std::min(std::chrono::seconds(seconds->value->number), max);
  }
  bool seen = host.TrackingSeen(key);
  // §3.4: with :last, a duplicate restarts its period; otherwise only a new ID is recorded.
  if (!seen || ops.HasTag("last")) {
    Action mark{.kind = Action::Kind::kDuplicateMark, .target = *id};
    mark.duplicate = Action::DuplicateMark{.key = std::move(key), .expires = host.Now() + period};
    if (ExecStatus added = rt.AddAction(std::move(mark)); !added) {
      return std::unexpected(added.error());
    }
  }
  return seen;
}

const CommandDef& DuplicateTest() {
  static const CommandDef def{
      .name = "duplicate",
      .kind = CommandKind::kTest,
      .signature = {.tags = {{"handle", ArgType::kString, "handle", 0},
                             {"header", ArgType::kString, "header", 1},
                             {"uniqueid", ArgType::kString, "uniqueid", 1},
                             {"seconds", ArgType::kNumber, "seconds", 0},
                             {"last"}}},
      .validate = Validate,
      .evaluate = Evaluate,
  };
  return def;
}

}  // namespace

namespace ext {

std::string DuplicateKey(const std::optional<std::string>& handle, std::string_view id) {
  return "duplicate:" + (handle ? "h-" + *handle : std::string("default")) + ":" +
         std::string(id);
}

}  // namespace ext

const Extension& DuplicateExtension() {
  static const Extension ext{.name = "duplicate", .commands = {&DuplicateTest()}};
  return ext;
}

}  // namespace sieve
