#include "lda/delivery.h"

#include <fstream>

#include "config/var_expand.h"
#include "lda/lda_host.h"
#include "lda/mail_location.h"
#include "lda/pipe_action.h"
#include "lda/quota_policy.h"
#include "lda/redirect.h"
#include "lda/script_chain.h"
#include "mail/message.h"
#include "sieve-lang/ext/extprograms/extprograms.h"
#include "sieve-lang/ext/reject/reject_action.h"
#include "sieve-lang/ext/vnd.dovecot.report/report_message.h"
#include "sieve-lang/redirect_policy.h"
#include "storage/mail_store.h"

namespace lda {
namespace {

using Status = DeliveryOutcome::Status;

DeliveryOutcome Outcome(Status status, std::string message, std::vector<std::string> log = {}) {
  return {status, std::move(message), std::move(log)};
}

// The user's script errors go to their own log (Pigeonhole's ~/.dovecot.sieve.log), so the
// user sees why a filter did nothing; the delivery carries on with the implicit keep.
void AppendUserLog(const std::string& path, const std::string& text) {
  std::ofstream log(path, std::ios::app);
  log << text;
}

struct UserMail {
  std::string home;
  MailLocation location;
};

// Where the recipient's mail lives: the userdb's `mail` (else mail_location) expanded for them.
base::Result<UserMail> FindUserMail(const DeliverySettings& settings, const Recipient& recipient) {
  const std::string* home_field = auth::FindField(recipient.userdb, "home");
  std::string home = home_field != nullptr ? *home_field : "";
  const std::string* mail_field = auth::FindField(recipient.userdb, "mail");
  config::VarValues vars;
  config::SetUser(vars, recipient.user);
  vars.values["home"] = home;
  auto location_text = config::ExpandVariables(
      mail_field != nullptr ? *mail_field : settings.mail_location, vars);
  if (!location_text) return base::Err(location_text.error());
  auto location = ParseMailLocation(*location_text, home);
  if (!location) return base::Err(location.error());
  return UserMail{std::move(home), std::move(*location)};
}

class Delivery {
 public:
  Delivery(const Deliverer& deliverer, const sieve::Engine& engine, OutgoingMail& outgoing,
           const Recipient& recipient, const sieve::Envelope& envelope,
           const std::string& message, bool reject_to_mta)
      : settings_(deliverer.settings()),
        engine_(engine),
        outgoing_(outgoing),
        recipient_(recipient),
        envelope_(envelope),
        bytes_(message),
        reject_to_mta_(reject_to_mta) {}

  DeliveryOutcome Run();

 private:
  base::Status Store(storage::MailStore& store, const std::string& mailbox,
                     const std::vector<std::string>& flags, bool create,
                     const std::string& bytes);
  // Whether a store of `size` bytes fits the user's quota: QuotaExceeded (Temporary with
  // quota_full_tempfail) when it does not, Ok when it does or there is no quota.
  base::Status CheckQuota(uint64_t size, const std::string& mailbox);
  // Every store the result asks for, checked before any action is carried out, so that an
  // over-quota delivery stores nothing, sends no vacation reply and no redirect.
  base::Status CheckPlannedStores(size_t actions_to_run, const sieve::Result& result, bool keep,
                                  const std::string& kept_bytes);
  // The outcome of an action that could not be done: over quota is permanent unless
  // quota_full_tempfail (-e/LMTP: refused; else a rejection to the sender, as dovecot-lda),
  // anything else temporary.
  DeliveryOutcome Failed(const base::Status& status, const mail::Message& original);

  const DeliverySettings& settings_;
  const sieve::Engine& engine_;
  OutgoingMail& outgoing_;
  const Recipient& recipient_;
  const sieve::Envelope& envelope_;
  const std::string& bytes_;
  const bool reject_to_mta_;
  std::vector<std::string> log_;
  std::optional<UserQuota> quota_;
  bool quota_hit_ = false;
};

DeliveryOutcome Delivery::Run() {
  auto user_mail = FindUserMail(settings_, recipient_);
  if (!user_mail) return Outcome(Status::kTempFail, user_mail.error().message());
  const std::string& home = user_mail->home;
  const MailLocation* location = &user_mail->location;
  storage::MailStore store(location->root, location->layout);
  auto quota = UserQuota::For(settings_.plugin, recipient_.userdb, location->root);
  if (!quota) return Outcome(Status::kTempFail, quota.error().message());
  quota_ = std::move(*quota);

  std::map<std::string, std::string> host_settings = settings_.plugin;
  host_settings.emplace("recipient_delimiter", settings_.recipient_delimiter);
  host_settings.emplace("postmaster_address", settings_.postmaster_address);
  host_settings.emplace("hostname", settings_.hostname);
  LdaHost host(store, host_settings,
               TrackingFile((home.empty() ? location->root : home) + "/.dovecot.lda-dupes"));
  host.SetUser(recipient_.user, home);

  // Each script sees the message as the scripts before it left it (editheader, RFC 5293);
  // the implicit keep stores the last version.
  auto original = std::make_shared<const mail::Message>(bytes_);
  std::shared_ptr<const mail::Message> current = original;
  ChainPaths paths = FindChain(settings_.plugin, home);
  std::vector<ChainScript> chain = LoadChain(engine_, paths);
  sieve::Result result(engine_.options().limits, recipient_.mailbox);
  std::optional<std::vector<std::string>> keep_flags;
  // A script that fails at runtime adds nothing to what is carried out (RFC 5228 §2.10.6),
  // and the chain ends there with the implicit keep, as in Pigeonhole.
  size_t actions_to_run = 0;
  bool script_failed = false;
  for (const ChainScript& script : chain) {
    if (!script.program) {
      if (script.personal) AppendUserLog(paths.user_log, script.errors);
      log_.push_back("sieve: " + script.path + ": failed to compile; " +
                     (script.personal ? "see " + paths.user_log : std::string("global script")));
      continue;
    }
    sieve::ExecOutcome outcome = engine_.Execute(
        *script.program, {.message = current.get(), .envelope = envelope_, .host = &host,
                          .result = &result});
    if (outcome.edited_message) current = outcome.edited_message;
    if (outcome.error) {
      log_.push_back("sieve: " + script.path + ": runtime error: " + outcome.error->message);
      if (script.personal) {
        AppendUserLog(paths.user_log, script.path + ": " + sieve::FormatPigeonhole(*outcome.error) + "\n");
      }
      script_failed = true;
      break;
    }
    actions_to_run = result.actions().size();
    if (outcome.implicit_keep_flags) keep_flags = outcome.implicit_keep_flags;
    // Pigeonhole's multiscript rule: the next script runs only while keep is in effect.
    if (!result.implicit_keep()) break;
  }

  const sieve::RedirectSettings redirect_settings{
      .envelope_from = settings_.redirect_envelope_from,
      .user_email = settings_.user_email,
      .postmaster = settings_.postmaster_address};
  const RedirectContext redirect_context{.settings = redirect_settings, .envelope = envelope_,
                                         .incoming = *original,
                                         .duplicate_period = settings_.redirect_duplicate_period};
  bool keep = script_failed || result.implicit_keep();
  if (base::Status room = CheckPlannedStores(actions_to_run, result, keep, current->bytes());
      !room.ok()) {
    return Failed(room, *original);
  }
  bool redirect_looped = false, stored = false;
  std::vector<const sieve::Action::DuplicateMark*> marks;
  std::vector<const sieve::Action*> failed_pipes;
  for (size_t i = 0; i < actions_to_run; ++i) {
    const sieve::Action& action = result.actions()[i];
    base::Status done = base::Status::Ok();
    // Stores and redirects carry the message as it was when the action was taken.
    const std::string& bytes = action.message ? action.message->bytes() : bytes_;
    switch (action.kind) {
      case sieve::Action::Kind::kKeep:
        done = Store(store, recipient_.mailbox, action.flags.value_or(std::vector<std::string>{}),
                     false, bytes);
        stored = stored || done.ok();
        break;
      case sieve::Action::Kind::kStore:
        done = Store(store, action.target, action.flags.value_or(std::vector<std::string>{}),
                     action.create, bytes);
        stored = stored || done.ok();
        break;
      case sieve::Action::Kind::kRedirect: {
        auto redirected = CarryOutRedirect(redirect_context, host, outgoing_, action.target, bytes);
        if (!redirected) {
          done = redirected.error();
          break;
        }
        log_.push_back(DescribeRedirect(*redirected, action.target));
        if (*redirected == RedirectOutcome::kLoop) redirect_looped = true;
        break;
      }
      case sieve::Action::Kind::kVacation:
      case sieve::Action::Kind::kNotify:
        if (action.notification) {
          const auto& note = *action.notification;
          done = outgoing_.Send(note.envelope_from, note.recipients, note.message);
          if (done.ok()) {
            log_.push_back(std::string(action.name()) + " sent to <" +
                           (note.recipients.empty() ? "" : note.recipients.front()) + ">");
            // The reply is tracked only once it went out (RFC 5230 §4.2).
            if (action.duplicate) marks.push_back(&*action.duplicate);
          }
        }
        break;
      case sieve::Action::Kind::kDuplicateMark:
        if (action.duplicate) marks.push_back(&*action.duplicate);
        break;
      case sieve::Action::Kind::kDiscard:
        log_.push_back("discarded");
        break;
      case sieve::Action::Kind::kPipe:
        done = CarryOutPipe(host, action, failed_pipes, log_);
        break;
      case sieve::Action::Kind::kReject:
      case sieve::Action::Kind::kEreject:
        if (reject_to_mta_ || action.kind == sieve::Action::Kind::kEreject) {
          log_.push_back("rejected: " + action.target);
          return Outcome(Status::kRejected, action.target, std::move(log_));
        }
        if (!envelope_.from.empty()) {
          std::string bounce = sieve::BuildRejectMessage(*original, envelope_, action.target,
                                                         settings_.postmaster_address);
          done = outgoing_.Send("", {envelope_.from}, bounce);
        }
        log_.push_back("rejected: " + action.target);
        break;
      case sieve::Action::Kind::kReport: {
        std::string report = sieve::BuildFeedbackReport(*original, envelope_, action,
                                                        settings_.postmaster_address);
        done = outgoing_.Send("", {action.target}, report);
        if (done.ok()) log_.push_back("report sent to <" + action.target + ">");
        break;
      }
    }
    if (!done.ok()) return Failed(done, *original);
  }
  // A looping redirect is not sent round again, and not dropped either: unless the script
  // stored it somewhere, the user keeps it.
  // spec-bosch-sieve-extprograms §5: a failed pipe :try does not cancel the implicit keep.
  bool pipes_restore_keep = !failed_pipes.empty() &&
                            sieve::ext::ImplicitKeepAfterFailedPipes(result.actions(), failed_pipes);
  if (keep || pipes_restore_keep || (redirect_looped && !stored)) {
    base::Status kept = Store(store, recipient_.mailbox,
                              keep_flags.value_or(std::vector<std::string>{}), false,
                              current->bytes());
    if (!kept.ok()) return Failed(kept, *original);
  }
  // RFC 7352 §3.1: IDs are recorded once the execution succeeded.
  for (const auto* mark : marks) host.TrackingMark(mark->key, mark->expires);
  return Outcome(Status::kDelivered, "delivered", std::move(log_));
}

base::Status Delivery::Store(storage::MailStore& store, const std::string& mailbox,
                             const std::vector<std::string>& flags, bool create,
                             const std::string& bytes) {
  std::string target = mailbox;
  auto opened = store.Open(target);
  if (!opened && opened.error().code() == base::Status::Code::kNotFound) {
    if (create || settings_.mailbox_autocreate) {
      base::Status created = store.Create(target);
      if (!created.ok()) return created;
      if (settings_.mailbox_autosubscribe) (void)store.SetSubscribed(target, true);
      opened = store.Open(target);
    } else {
      // Dovecot: fileinto a missing mailbox keeps the message in INBOX instead of losing it.
      log_.push_back("mailbox '" + target + "' does not exist: saved to INBOX");
      target = "INBOX";
      opened = store.Open(target);
    }
  }
  if (!opened && opened.error().code() == base::Status::Code::kInvalidArgument &&
      target != "INBOX") {
    // A name the store cannot hold never becomes valid by retrying: Pigeonhole's fileinto
    // fails and the implicit keep stores the message in INBOX.
    log_.push_back(opened.error().message() + ": saved to INBOX");
    target = "INBOX";
    opened = store.Open(target);
  }
  if (!opened) return base::Status::Temporary(opened.error().message());
  if (base::Status room = CheckQuota(bytes.size(), target); !room.ok()) return room;
  auto saved = opened->Append(bytes, flags);
  if (!saved) {
    if (saved.error().code() == base::Status::Code::kQuotaExceeded) {
      quota_hit_ = true;
      if (!settings_.quota_full_tempfail) return saved.error();
    }
    return base::Status::Temporary("saving to " + target + ": " + saved.error().message());
  }
  if (quota_) quota_->Recorded(bytes.size());
  log_.push_back("saved to " + target);
  return base::Status::Ok();
}

base::Status Delivery::CheckQuota(uint64_t size, const std::string& mailbox) {
  if (!quota_) return base::Status::Ok();
  base::Status room = quota_->CheckAppend(size);
  if (room.code() == base::Status::Code::kQuotaExceeded) {
    if (!quota_hit_) log_.push_back(room.message());
    quota_hit_ = true;
    return settings_.quota_full_tempfail ? base::Status::Temporary(room.message()) : room;
  }
  if (!room.ok()) return base::Status::Temporary("quota of " + mailbox + ": " + room.message());
  return base::Status::Ok();
}

base::Status Delivery::CheckPlannedStores(size_t actions_to_run, const sieve::Result& result,
                                          bool keep, const std::string& kept_bytes) {
  std::optional<uint64_t> largest;
  if (keep) largest = kept_bytes.size();
  for (size_t i = 0; i < actions_to_run; ++i) {
    const sieve::Action& action = result.actions()[i];
    if (action.kind != sieve::Action::Kind::kKeep && action.kind != sieve::Action::Kind::kStore) {
      continue;
    }
    uint64_t size = (action.message ? action.message->bytes() : bytes_).size();
    largest = std::max(largest.value_or(0), size);
  }
  // All stores are held to the usage found here (UserQuota), so the largest decides.
  return largest ? CheckQuota(*largest, recipient_.mailbox) : base::Status::Ok();
}

DeliveryOutcome Delivery::Failed(const base::Status& status, const mail::Message& original) {
  // quota_exceeded_message is what the MTA and the sender see; the log has the usage.
  const std::string message = quota_ ? quota_->exceeded_message() : kQuotaExceededMessage;
  if (status.code() != base::Status::Code::kQuotaExceeded) {
    // quota_full_tempfail, or a failure of something else.
    DeliveryOutcome outcome =
        Outcome(Status::kTempFail, quota_hit_ ? message : status.message(), std::move(log_));
    outcome.quota_exceeded = quota_hit_;
    return outcome;
  }
  if (reject_to_mta_) {
    DeliveryOutcome outcome = Outcome(Status::kRejected, message, std::move(log_));
    outcome.quota_exceeded = true;
    return outcome;
  }
  if (!envelope_.from.empty()) {
    std::string bounce =
        sieve::BuildRejectMessage(original, envelope_, message, settings_.postmaster_address);
    base::Status sent = outgoing_.Send("", {envelope_.from}, bounce);
    if (!sent.ok()) return Outcome(Status::kTempFail, sent.message(), std::move(log_));
  }
  log_.push_back("rejected: " + message);
  DeliveryOutcome outcome = Outcome(Status::kDelivered, "rejected: " + message, std::move(log_));
  outcome.quota_exceeded = true;
  return outcome;
}

}  // namespace

bool Deliverer::OverQuota(const Recipient& recipient) const {
  auto user_mail = FindUserMail(settings_, recipient);
  if (!user_mail) return false;
  auto quota = UserQuota::For(settings_.plugin, recipient.userdb, user_mail->location.root);
  if (!quota || !*quota) return false;
  auto full = (*quota)->Full();
  return full && *full;
}

DeliveryOutcome Deliverer::Deliver(const Recipient& recipient, const sieve::Envelope& envelope,
                                   const std::string& message, bool reject_to_mta) const {
  return Delivery(*this, engine_, outgoing_, recipient, envelope, message, reject_to_mta).Run();
}

}  // namespace lda
