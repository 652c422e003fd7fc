#include "testsuite/state.h"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "config/file_dict.h"
#include "mail/address.h"
#include "mail/attachment.h"
#include "sieve-lang/ext/extlists/configured_lists.h"
#include "sieve-lang/ext/extprograms/extprograms.h"
#include "sieve-lang/ext/imap4flags/imap4flags.h"
#include "sieve-lang/ext/reject/reject_action.h"
#include "sieve-lang/ext/vnd.dovecot.report/report_message.h"
#include "sieve-lang/runtime.h"

namespace testsuite {
namespace {

std::string OsUser() {
  if (const char* user = std::getenv("USER"); user != nullptr && *user != '\0') return user;
  if (const passwd* pw = getpwuid(getuid()); pw != nullptr) return pw->pw_name;
  return "unknown";
}

// The first of `headers` whose value holds an address, as an addr-spec.
std::optional<std::string> FirstAddress(const mail::Message& message,
                                        std::initializer_list<std::string_view> headers) {
  for (std::string_view name : headers) {
    for (std::string_view value : message.headers().GetAll(name)) {
      mail::AddressList list = mail::ParseAddressList(value);
      if (!list.addresses.empty()) return list.addresses.front().AddrSpec();
    }
  }
  return std::nullopt;
}

}  // namespace

State::State(const sieve::Engine& engine, std::string main_script, std::FILE* out)
    : engine_(engine),
      main_script_(std::move(main_script)),
      out_(out),
      result_(engine.options().limits, engine.options().default_mailbox),
      scripts_(std::filesystem::path(main_script_).parent_path().string(),
               [this](std::string_view key) { return Setting(key); }) {
  SetMessage(kDefaultMessage);
}

State::~State() {
  if (work_dir_) {
    std::error_code ec;
    std::filesystem::remove_all(*work_dir_, ec);
  }
}

std::chrono::system_clock::time_point State::Now() const {
  return std::chrono::system_clock::now();
}

bool State::MailboxExists(std::string_view mailbox) const { return store_.Exists(mailbox); }

std::optional<std::string> State::EnvironmentItem(std::string_view name) const {
  // The values testsuite-spec §3 fixes; the corpus checks them (name included).
  if (name == "name") return "Pigeonhole Sieve";
  if (name == "version") return "0.1.0";
  if (name == "host") {
    char host[256] = {};
    if (gethostname(host, sizeof host - 1) == 0) return std::string(host);
    return "localhost";
  }
  if (name == "location") return "MS";
  if (name == "phase") return "post";
  // vnd.dovecot.default-mailbox comes from the engine (the default mailbox it keeps into).
  if (name == "vnd.dovecot.username") return "testsuite-mail-user@example.org";
  return std::nullopt;
}

std::optional<std::string> State::Setting(std::string_view key) const {
  auto it = applied_.find(key);
  if (it == applied_.end()) return std::nullopt;
  return it->second;
}

std::optional<std::string> State::Metadata(std::optional<std::string_view> mailbox,
                                           std::string_view entry) const {
  return store_.GetMetadata(mailbox.value_or(""), entry);
}

std::optional<bool> State::ExternalListContains(std::string_view list,
                                               std::string_view item) const {
  return sieve::ext::ConfiguredListContains(
      [this](std::string_view key) { return Setting(key); }, config::FileDictHasKey, list, item);
}

bool State::TrackingSeen(std::string_view key) const {
  auto it = tracking_.find(key);
  return it != tracking_.end() && it->second > Now();
}

void State::TrackingMark(std::string_view key, std::chrono::system_clock::time_point expires) {
  tracking_.insert_or_assign(std::string(key), expires);
}

std::string State::ResolvePath(std::string_view relative) const {
  std::filesystem::path dir = std::filesystem::path(main_script_).parent_path();
  return (dir / relative).lexically_normal().string();
}

std::optional<std::string> State::WorkDir() {
  if (work_dir_) return work_dir_;
  std::string pattern = (std::filesystem::temp_directory_path() / "sieve-testsuite-XXXXXX");
  if (mkdtemp(pattern.data()) == nullptr) return std::nullopt;
  work_dir_ = pattern;
  return work_dir_;
}

void State::SetMessage(std::string raw) {
  message_ = std::make_unique<mail::Message>(std::move(raw));
  DeriveEnvelope();
}

void State::DeriveEnvelope() {
  envelope_.from = FirstAddress(*message_, {"return-path", "sender", "from"})
                       .value_or("sender@example.com");
  envelope_.to = FirstAddress(*message_, {"envelope-to", "to"}).value_or("recipient@example.com");
  envelope_.orig_to = envelope_.to;
  envelope_.auth = OsUser();
}

void State::ResetResult() {
  result_.Reset();
  ResetExecution();
  outbox_.clear();
}

void State::ResetExecution() {
  executed_ = 0;
  implicit_keep_executed_ = false;
  failed_pipes_.clear();
}

base::Result<base::ProgramExit> State::RunProgram(const sieve::ProgramRequest& request) {
  auto exit = base::RunProgramInDirectory(
      Setting("sieve_" + request.kind + "_bin_dir").value_or(""), request.name, request.run);
  // A program that started but did not finish properly (timeout, unread input) is logged on
  // its own, before whatever the command reports, as Pigeonhole's program client does.
  if (!exit && exit.error().code() == base::Status::Code::kTemporary) {
    LogError("program '" + request.name + "': " + exit.error().message());
  }
  return exit;
}

void SetCurrentFlags(sieve::Runtime& rt, const std::vector<std::string>& flags) {
  std::string joined;
  for (const std::string& flag : flags) joined += (joined.empty() ? "" : " ") + flag;
  (void)rt.SetVariable(sieve::ext::kInternalFlagsVariable, std::move(joined));
}

bool State::Store(std::string_view mailbox, const std::optional<std::vector<std::string>>& flags,
                  const mail::Message* message) {
  const mail::Message& stored_message = message ? *message : *message_;
  StoredMessage stored{.raw = std::string(stored_message.bytes()),
                       .flags = flags.value_or(std::vector<std::string>{})};
  // The corpus runs with Dovecot's mail_attachment_detection_options = add-flags.
  stored.flags.emplace_back(mail::AttachmentKeyword(stored_message));
  if (store_.Append(mailbox, std::move(stored))) return true;
  LogError("failed to store into mailbox '" + std::string(mailbox) +
           "': Mailbox doesn't exist: " + std::string(mailbox));
  return false;
}

bool State::ExecuteAction(const sieve::Action& action) {
  using Kind = sieve::Action::Kind;
  // editheader (RFC 5293 §7): the message as it was when the action was added; refusals and
  // reports quote the original.
  const mail::Message& message = action.message ? *action.message : *message_;
  switch (action.kind) {
    case Kind::kKeep: return Store(result_.default_mailbox(), action.flags, &message);
    case Kind::kStore:
      if (action.create) store_.Create(action.target);
      return Store(action.target, action.flags, &message);
    case Kind::kDiscard: return true;
    case Kind::kReject:
    case Kind::kEreject:
      // The refusal goes back to the sender with the null sender; a bounce is not answered.
      if (!envelope_.from.empty()) {
        outbox_.push_back({.message = sieve::BuildRejectMessage(*message_, envelope_, action.target,
                                                                "postmaster@example.com"),
                           .from = "",
                           .to = envelope_.from});
      }
      return true;
    case Kind::kReport:
      outbox_.push_back({.message = sieve::BuildFeedbackReport(*message_, envelope_, action,
                                                               "postmaster@example.com"),
                         .from = "",
                         .to = action.target});
      return true;
    case Kind::kNotify:
      // One outbox entry per recipient of the one message (testsuite-spec §6).
      if (action.notification) {
        for (const std::string& to : action.notification->recipients) {
          outbox_.push_back({.message = action.notification->message,
                             .from = action.notification->envelope_from,
                             .to = to});
        }
      }
      return true;
    case Kind::kDuplicateMark:
      if (action.duplicate) TrackingMark(action.duplicate->key, action.duplicate->expires);
      return true;
    case Kind::kVacation:
      // The reply goes to the outbox; its tracking mark is not recorded, as Pigeonhole's
      // testsuite keeps no reply history (testsuite-spec §3: vacation never suppresses
      // repeats; message.svtest answers one sender with one reason in several tests).
      if (action.notification) {
        outbox_.push_back({.message = action.notification->message,
                           .from = action.notification->envelope_from,
                           .to = action.target});
      }
      return true;
    case Kind::kPipe: {
      if (!action.program) return true;
      auto exit = RunProgram(*action.program);
      if (exit && exit->status == 0) return true;
      std::string why = exit ? "exit status " + std::to_string(exit->status)
                             : exit.error().message();
      if (action.pipe_try) {
        failed_pipes_.push_back(&action);
        return true;
      }
      LogError(sieve::ext::PipeFailure(action, why));
      return false;
    }
    case Kind::kRedirect: {
      std::string user = sieve::RedirectUserAddress(redirect_settings_, envelope_);
      // A loop is dropped quietly, as Pigeonhole does: the message was here before.
      if (sieve::RedirectWouldLoop(message, redirect_settings_, envelope_)) return true;
      outbox_.push_back({.message = std::string(sieve::kRedirectedFromHeader) + ": " + user +
                                    "\r\n" + std::string(message.bytes()),
                         .from = sieve::RedirectEnvelopeSender(redirect_settings_, envelope_),
                         .to = action.target});
      return true;
    }
  }
  return false;
}

bool State::ExecuteResult(const std::optional<std::vector<std::string>>& implicit_keep_flags,
                          const mail::Message* edited) {
  bool ok = true;
  const auto& actions = result_.actions();
  for (; executed_ < actions.size(); ++executed_) ok = ExecuteAction(actions[executed_]) && ok;
  // A failed action falls back to keeping; so does a failed pipe :try that was the only
  // action cancelling the keep (spec-bosch-sieve-extprograms §5).
  bool keep = result_.implicit_keep() || !ok ||
              (!failed_pipes_.empty() &&
               sieve::ext::ImplicitKeepAfterFailedPipes(actions, failed_pipes_));
  if (keep && !implicit_keep_executed_) {
    implicit_keep_executed_ = true;
    ok = Store(result_.default_mailbox(), implicit_keep_flags, ok ? edited : nullptr) && ok;
  }
  return ok;
}

std::optional<std::string> State::ReloadSettings() {
  sieve::Options options = engine_.options();
  for (const auto& [key, value] : config_) {
    base::Status status = sieve::ApplySetting(options, key, value);
    // Settings the engine does not own (extension and delivery ones) are fine here.
    if (!status.ok() && status.code() != base::Status::Code::kNotFound) {
      return status.message();
    }
  }
  reloaded_ = std::make_unique<sieve::Engine>(engine_.registry(), std::move(options));
  applied_ = {config_.begin(), config_.end()};
  auto setting = [&](const char* key, std::string fallback) {
    auto it = config_.find(key);
    return it == config_.end() ? fallback : it->second;
  };
  sieve::RedirectSettings defaults;
  redirect_settings_.envelope_from = setting("sieve_redirect_envelope_from",
                                             defaults.envelope_from);
  redirect_settings_.user_email = setting("sieve_user_email", defaults.user_email);
  return std::nullopt;
}

void State::LogError(std::string message) { errors_.push_back(std::move(message)); }

void State::BeginTest(std::string name, size_t exit_index) {
  ++started_;
  test_name_ = std::move(name);
  test_exit_ = exit_index;
  test_active_ = true;
}

void State::EndTest() {
  std::fprintf(out_, "%2d: Test '%s' SUCCEEDED\n", started_, test_name_.c_str());
  test_active_ = false;
}

void State::PrintFailure(std::string_view reason) {
  std::string line = test_active_ ? "Test '" + test_name_ + "' FAILED" : "Test FAILED";
  if (!reason.empty()) line += ": " + std::string(reason);
  std::fprintf(out_, "%2d: %s\n", started_, line.c_str());
}

std::optional<size_t> State::FailTest(std::string_view reason) {
  PrintFailure(reason);
  if (!test_active_) return std::nullopt;
  test_active_ = false;
  return test_exit_;
}

void State::PrintFileFailure(std::string_view reason) {
  std::fprintf(out_, "XX: Test CASE FAILED: %.*s\n", static_cast<int>(reason.size()),
               reason.data());
  ++failures_;
}

State& StateOf(sieve::Runtime& rt) {
  // Only the testsuite runner enables this extension, and it always runs scripts with a
  // State as host; anything else is a wiring bug worth stopping for.
  auto* state = dynamic_cast<State*>(&rt.host());
  if (state == nullptr) std::abort();
  return *state;
}

}  // namespace testsuite
