// vacation (RFC 5230) and vacation-seconds (RFC 6131): `vacation [:days n | :seconds n]
// [:subject s] [:from a] [:addresses l] [:mime] [:handle h] <reason>`. When the command runs it
// decides whether a reply is due (reply_checks.cc) and builds it (reply_message.cc); the
// vacation action in the result carries the reply and its tracking mark, and the embedder
// sends one and records the other. The engine itself sends nothing. Status: complete;
// settings as in Pigeonhole (settings.h).
#include "base/strings.h"
#include "mail/address.h"
#include "sieve-lang/ext/builtin.h"
#include "sieve-lang/ext/vacation/reply.h"
#include "sieve-lang/runtime.h"
#include "sieve-lang/validator.h"

namespace sieve {
namespace {

constexpr int kPeriodGroup = 1;  // :days and :seconds exclude each other (RFC 6131 §2)

// A literal that variables may still change is checked when the command runs.
bool KnownNow(const ValidationContext& ctx, std::string_view s) {
  return !ctx.IsLoaded("variables") || s.find("${") == std::string_view::npos;
}

std::string InvalidAddress(std::string_view tag, std::string_view address) {
  return "specified :" + std::string(tag) + " address '" + std::string(address) +
         "' is invalid for vacation action";
}

bool Validate(ValidationContext& ctx, Node& node) {
  bool ok = true;
  for (std::string_view tag : {"from", "addresses"}) {
    const TagValue* t = node.operands.FindTag(tag);
    if (t == nullptr) continue;
    for (const std::string& address : t->value->strings) {
      if (KnownNow(ctx, address) && !mail::SingleAddrSpec(address)) {
        ctx.Error(node.location, InvalidAddress(tag, address));
        ok = false;
      }
    }
  }
  const std::string& reason = node.operands.positional[0].str();
  // RFC 5230 §4.7: without :mime the reason is UTF-8 text.
  if (!node.operands.HasTag("mime") && !base::IsValidUtf8(reason)) {
    ctx.Error(node.location, "the reason of the vacation command is not valid UTF-8");
    ok = false;
  }
  return ok;
}

std::expected<ext::VacationRequest, ExecError> ReadRequest(const Operands& ops) {
  ext::VacationRequest request{.reason = ops.positional[0].str(), .mime = ops.HasTag("mime")};
  if (const TagValue* t = ops.FindTag("subject")) request.subject = t->value->str();
  if (const TagValue* t = ops.FindTag("handle")) request.handle = t->value->str();
  if (const TagValue* t = ops.FindTag("from")) {
    if (!mail::SingleAddrSpec(t->value->str())) {
      return std::unexpected(ExecError{InvalidAddress("from", t->value->str())});
    }
    request.from = t->value->str();
  }
  if (const TagValue* t = ops.FindTag("addresses")) {
    for (const std::string& address : t->value->strings) {
      std::optional<std::string> spec = mail::SingleAddrSpec(address);
      if (!spec) return std::unexpected(ExecError{InvalidAddress("addresses", address)});
      request.addresses.push_back(*spec);
    }
  }
  return request;
}

std::optional<std::chrono::seconds> RequestedPeriod(const Operands& ops) {
  if (const TagValue* t = ops.FindTag("days")) {
    return std::chrono::seconds(static_cast<int64_t>(t->value->number) * 86400);
  }
  if (const TagValue* t = ops.FindTag("seconds")) {
    return std::chrono::seconds(static_cast<int64_t>(t->value->number));
  }
  return std::nullopt;
}

ExecStatus Execute(Runtime& rt, const Operands& ops) {
  auto request = ReadRequest(ops);
  if (!request) return std::unexpected(request.error());
  ext::VacationSettings settings = ext::ReadVacationSettings(rt.host());
  const Envelope& envelope = rt.envelope();
  Action action{.kind = Action::Kind::kVacation, .target = envelope.from};
  std::string own_address;
  std::optional<std::string> why =
      ext::WhyNoReply(rt.message(), envelope, *request, settings, own_address);
  std::string key = ext::VacationTrackingKey(envelope.from, ext::VacationHandle(*request));
  // RFC 5230 §4.2: one reply per sender and handle within the period.
  if (!why && rt.host().TrackingSeen(key)) why = "already replied to <" + envelope.from + ">";
  if (why) {
    if (rt.Tracing(TraceLevel::kActions)) rt.Trace(TraceLevel::kActions, 1, *why);
    return rt.AddAction(std::move(action));
  }
  const std::vector<std::string>& subjects = rt.DecodedHeaders("subject");
  ext::ReplyContext ctx{.message = &rt.message(),
                        .envelope = &envelope,
                        .original_subject = subjects.empty() ? "" : subjects.front(),
                        .own_address = own_address,
                        .now = rt.host().Now(),
                        .host_name = rt.host().EnvironmentItem("host").value_or("")};
  // RFC 5230 §5.1 / RFC 3834 §3.3: sent with the null return path unless configured otherwise.
  action.notification = Action::Notification{
      .envelope_from = settings.send_from_recipient ? envelope.to : "",
      .recipients = {envelope.from},
      .message = ext::BuildVacationReply(ctx, *request, settings)};
  std::chrono::seconds period = ext::ReplyPeriod(settings, RequestedPeriod(ops));
  if (period.count() > 0) action.duplicate = Action::DuplicateMark{key, ctx.now + period};
  return rt.AddAction(std::move(action));
}

const CommandDef& VacationCommand() {
  static const CommandDef def{
      .name = "vacation",
      .signature = {.positional = {{"reason", ArgType::kString}},
                    .tags = {{"days", ArgType::kNumber, "days", kPeriodGroup},
                             {"subject", ArgType::kString, "subject"},
                             {"from", ArgType::kString, "from"},
                             {"addresses", ArgType::kStringList, "addresses"},
                             {"mime"},
                             {"handle", ArgType::kString, "handle"}}},
      .validate = Validate,
      .execute = Execute,
  };
  return def;
}

}  // namespace

const Extension& VacationExtension() {
  static const Extension ext{.name = "vacation", .commands = {&VacationCommand()}};
  return ext;
}

// RFC 6131 §2: requiring vacation-seconds also makes vacation available, with :seconds.
const Extension& VacationSecondsExtension() {
  static const Extension ext{
      .name = "vacation-seconds",
      .commands = {&VacationCommand()},
      .external_tags = {{"vacation", {"seconds", ArgType::kNumber, "seconds", kPeriodGroup}}},
  };
  return ext;
}

}  // namespace sieve
