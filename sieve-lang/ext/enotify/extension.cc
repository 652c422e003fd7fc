// enotify (RFC 5435) with the mailto method (RFC 5436): `notify [:from s] [:importance
// <"1"|"2"|"3">] [:options sl] [:message s] <method>`, the tests `valid_notify_method` and
// `notify_method_capability`, and the `:encodeurl` modifier of `set` (§6). A notify action
// carries the composed message (Action::Notification); the embedder sends it. Limits:
// sieve_notify_max_notifications, and 8 recipients / 16 header fields per URI. Settings:
// sieve_notify_mailto_envelope_from, sieve_user_email, postmaster_address. Status: complete
// for mailto; other methods are refused as unsupported.
#include "base/strings.h"
#include "mail/address.h"
#include "sieve-lang/ext/builtin.h"
#include "sieve-lang/ext/enotify/mailto.h"
#include "sieve-lang/redirect_policy.h"
#include "sieve-lang/runtime.h"
#include "sieve-lang/validator.h"

namespace sieve {
namespace {

constexpr std::string_view kProhibited = "local policy prohibits the use of a notify action";

bool HasVariables(std::string_view s) { return s.find("${") != std::string_view::npos; }

// RFC 5435 §3.3: the method must be one this implementation supports; only mailto here.
std::optional<std::string> CheckMethod(std::string_view uri) {
  std::optional<std::string> scheme = ext::UriScheme(uri);
  if (!scheme) return "invalid notify method URI '" + std::string(uri) + "'";
  if (*scheme != "mailto") return "notify method '" + *scheme + "' is not supported";
  auto parsed = ext::ParseMailtoUri(uri);
  if (!parsed) return "invalid mailto URI '" + std::string(uri) + "': " + parsed.error();
  return std::nullopt;
}

// RFC 5435 §3.7: option = optionname "=" value; optionname starts with a letter.
std::optional<std::string> CheckOption(std::string_view option) {
  size_t eq = option.find('=');
  std::string_view name = option.substr(0, eq);
  bool name_ok = !name.empty() && base::IsAsciiAlpha(name[0]);
  for (char c : name) {
    name_ok = name_ok && (base::IsAsciiAlpha(c) || base::IsAsciiDigit(c) || c == '-' ||
                          c == '_' || c == '.');
  }
  if (eq == std::string_view::npos || !name_ok) {
    return "option '" + std::string(option) + "' is invalid";
  }
  for (char c : option.substr(eq + 1)) {
    if (c == '\r' || c == '\n' || c == '\0') {
      return "value of option '" + std::string(name) + "' is invalid";
    }
  }
  return std::nullopt;
}

// RFC 5436 §2.3: :from must have email address syntax for the mailto method.
std::optional<std::string> CheckFrom(std::string_view from) {
  if (mail::SingleAddrSpec(from)) return std::nullopt;
  return "specified :from address '" + std::string(from) + "' is invalid for the mailto method";
}

std::optional<std::string> CheckImportance(std::string_view importance) {
  if (importance == "1" || importance == "2" || importance == "3") return std::nullopt;
  return "invalid :importance value '" + std::string(importance) + "' (must be 1, 2 or 3)";
}

// Every check whose operand is known now; `known` says which strings are constants.
std::vector<std::string> CheckOperands(const Operands& ops, bool (*known)(std::string_view)) {
  std::vector<std::string> errors;
  auto check = [&](std::string_view value, std::optional<std::string> (*fn)(std::string_view)) {
    if (!known(value)) return;
    if (auto error = fn(value)) errors.push_back(std::move(*error));
  };
  if (const TagValue* tag = ops.FindTag("from")) check(tag->value->str(), CheckFrom);
  if (const TagValue* tag = ops.FindTag("importance")) check(tag->value->str(), CheckImportance);
  if (const TagValue* tag = ops.FindTag("options")) {
    for (const std::string& option : tag->value->strings) check(option, CheckOption);
  }
  if (const TagValue* tag = ops.FindTag("message")) {
    if (known(tag->value->str()) && !base::IsValidUtf8(tag->value->str())) {
      errors.push_back("the :message of the notify command is not valid UTF-8");
    }
  }
  check(ops.positional[0].str(), CheckMethod);
  return errors;
}

bool ValidateNotify(ValidationContext& ctx, Node& node) {
  std::vector<std::string> errors;
  if (ctx.limits().max_notifications == 0) errors.emplace_back(kProhibited);
  auto constant = [](std::string_view s) { return !HasVariables(s); };
  for (std::string& e : CheckOperands(node.operands, constant)) errors.push_back(std::move(e));
  for (std::string& e : errors) ctx.Error(node.location, std::move(e));
  return errors.empty();
}

// sieve_notify_mailto_envelope_from (Pigeonhole): unset means the From: address; a null
// sender stays null (RFC 5436 §2.7).
std::string EnvelopeFrom(Runtime& rt, const std::string& from) {
  if (rt.envelope().from.empty()) return "";
  std::optional<std::string> policy = rt.host().Setting("sieve_notify_mailto_envelope_from");
  if (!policy || base::TrimWhitespace(*policy).empty() ||
      base::EqualsIgnoreCase(base::TrimWhitespace(*policy), "default")) {
    return mail::SingleAddrSpec(from).value_or(from);
  }
  RedirectSettings settings{
      .envelope_from = *policy,
      .user_email = rt.host().Setting("sieve_user_email").value_or(""),
      .postmaster = rt.host().Setting("postmaster_address").value_or("postmaster@example.com")};
  return RedirectEnvelopeSender(settings, rt.envelope());
}

// RFC 5436 §2.7: no duplicate notifications to one address from one script invocation.
void DropNotified(const Result& result, ext::MailtoUri& uri) {
  std::erase_if(uri.recipients, [&](const ext::MailtoRecipient& r) {
    for (const Action& old : result.actions()) {
      if (old.kind != Action::Kind::kNotify || !old.notification) continue;
      for (const std::string& done : old.notification->recipients) {
        if (base::EqualsIgnoreCase(done, r.addr_spec)) return true;
      }
    }
    return false;
  });
}

ExecStatus ExecuteNotify(Runtime& rt, const Operands& ops) {
  const Limits& limits = rt.limits();
  if (limits.max_notifications == 0) return std::unexpected(ExecError{std::string(kProhibited)});
  std::vector<std::string> errors = CheckOperands(ops, [](std::string_view) { return true; });
  if (!errors.empty()) return std::unexpected(ExecError{errors.front()});
  size_t notifies = std::ranges::count_if(
      rt.result().actions(), [](const Action& a) { return a.kind == Action::Kind::kNotify; });
  if (notifies + 1 > limits.max_notifications) {
    return std::unexpected(ExecError{"number of notify actions exceeds policy limit (" +
                                     std::to_string(notifies + 1) + " > " +
                                     std::to_string(limits.max_notifications) + ")"});
  }
  const std::string& method = ops.positional[0].str();
  Action action{.kind = Action::Kind::kNotify, .target = method};
  // RFC 5436 §2.7: SHOULD NOT notify about automatically submitted messages.
  if (!ext::IsAutoSubmitted(rt.message())) {
    ext::MailtoUri uri = *ext::ParseMailtoUri(method);
    DropNotified(rt.result(), uri);
    ext::NotifyParams params;
    if (const TagValue* tag = ops.FindTag("from")) params.from = tag->value->str();
    if (const TagValue* tag = ops.FindTag("importance")) {
      params.importance = tag->value->str()[0] - '0';
    }
    if (const TagValue* tag = ops.FindTag("message")) params.message = tag->value->str();
    params.from_default =
        rt.host().Setting("postmaster_address").value_or("postmaster@example.com");
    std::string user_email = rt.host().Setting("sieve_user_email").value_or("");
    params.owner = user_email.empty() ? rt.envelope().to : user_email;
    params.envelope_from = EnvelopeFrom(rt, params.from.value_or(params.from_default));
    Action::Notification notification{.envelope_from = params.envelope_from};
    for (const ext::MailtoRecipient& r : uri.recipients) {
      notification.recipients.push_back(r.addr_spec);
    }
    if (!notification.recipients.empty()) {
      notification.message = ext::ComposeNotification(uri, params, rt.message());
      action.notification = std::move(notification);
    }
  }
  return rt.AddAction(std::move(action));
}

const CommandDef& NotifyCommand() {
  static const CommandDef def{
      .name = "notify",
      .signature = {.positional = {{"method", ArgType::kString}},
                    .tags = {{"from", ArgType::kString, "from", 0},
                             {"importance", ArgType::kString, "importance", 0},
                             {"options", ArgType::kStringList, "options", 0},
                             {"message", ArgType::kString, "message", 0}}},
      .validate = ValidateNotify,
      .execute = ExecuteNotify,
  };
  return def;
}

// RFC 5435 §4: valid_notify_method <notification-uris>: true when every URI is usable.
TestOutcome EvaluateValidMethod(Runtime&, const Operands& ops) {
  for (const std::string& uri : ops.positional[0].strings) {
    if (CheckMethod(uri)) return false;
  }
  return true;
}

const CommandDef& ValidNotifyMethodTest() {
  static const CommandDef def{
      .name = "valid_notify_method",
      .kind = CommandKind::kTest,
      .signature = {.positional = {{"notification-uris", ArgType::kStringList}}},
      .evaluate = EvaluateValidMethod,
  };
  return def;
}

// RFC 5435 §5: notify_method_capability; mailto knows "online" only, and it is "maybe"
// (RFC 5436 §2.1).
TestOutcome EvaluateCapability(Runtime& rt, const Operands& ops) {
  if (CheckMethod(ops.positional[0].str())) return false;
  if (!base::EqualsIgnoreCase(ops.positional[1].str(), "online")) return false;
  return rt.MatchAny(ops, {"maybe"}, ops.positional[2].strings);
}

const CommandDef& NotifyMethodCapabilityTest() {
  static const CommandDef def{
      .name = "notify_method_capability",
      .kind = CommandKind::kTest,
      .signature = {.positional = {{"notification-uri", ArgType::kString},
                                   {"notification-capability", ArgType::kString},
                                   {"key-list", ArgType::kStringList}},
                    .match_tags = true},
      .evaluate = EvaluateCapability,
  };
  return def;
}

}  // namespace

const Extension& EnotifyExtension() {
  static const Extension ext{
      .name = "enotify",
      .commands = {&NotifyCommand(), &ValidNotifyMethodTest(), &NotifyMethodCapabilityTest()},
      // RFC 5435 §6: the :encodeurl modifier of set (precedence 15; applied by variables).
      .external_tags = {{"set", {"encodeurl", std::nullopt, {}, 0}}},
  };
  return ext;
}

}  // namespace sieve
