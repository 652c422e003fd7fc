// The result of one execution (RFC 5228 §2.10): the ordered action list and whether the
// implicit keep still applies. Enforces sieve_max_actions / sieve_max_redirects and merges
// duplicate actions (§2.10.3). Not thread-safe; one per execution.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "mail/message.h"
#include "sieve-lang/diagnostic.h"
#include "sieve-lang/extension.h"
#include "sieve-lang/limits.h"
#include "sieve-lang/program_request.h"

namespace sieve {

struct Action {
  // kReject / kEreject (RFC 5429): refuse the message; `target` holds the reason.
  // kReport (vnd.dovecot.report): send a feedback report about the message to `target`; it
  // leaves the implicit keep alone.
  // kNotify (enotify, RFC 5435): send `notification` (built when the script ran; none when the
  // message must not be notified about); `target` holds the method URI.
  // kDuplicateMark (duplicate, RFC 7352 §3.1): record `duplicate` in the tracking database once
  // the execution succeeded. Neither touches the implicit keep.
  // kVacation (RFC 5230): `notification` holds the reply to `target` (the envelope sender), or
  // nothing when §4.2-4.6 say no reply is due; `duplicate` the reply-tracking mark (§4.2) the
  // embedder records once the reply was sent. Leaves the implicit keep alone.
  // kPipe (vnd.dovecot.pipe): run `program` with the message on its input when the result is
  // carried out; `target` holds the program name. Cancels the implicit keep unless :copy.
  enum class Kind {
    kKeep,
    kDiscard,
    kStore,
    kRedirect,
    kReject,
    kEreject,
    kReport,
    kNotify,
    kDuplicateMark,
    kVacation,
    kPipe,
  };
  Kind kind = Kind::kKeep;
  std::string target;  // kStore: mailbox; kRedirect: address
  bool copy = false;   // :copy (RFC 3894): does not cancel the implicit keep
  bool create = false;  // kStore with :create (RFC 5490): create a missing mailbox
  // kKeep/kStore: IMAP flags for the stored message (imap4flags, RFC 5232); none when unset.
  std::optional<std::vector<std::string>> flags;
  // kReport: the RFC 5965 feedback type, the human-readable text, and whether only the
  // original header is quoted (:headers_only).
  struct Report {
    std::string feedback_type;
    std::string message;
    bool headers_only = false;
  };
  std::optional<Report> report;
  // kNotify: one message to all `recipients` from `envelope_from` (empty: the null sender).
  struct Notification {
    std::string envelope_from;
    std::vector<std::string> recipients;
    std::string message;
  };
  std::optional<Notification> notification;
  // kDuplicateMark: the tracking key and until when it counts as seen.
  struct DuplicateMark {
    std::string key;
    std::chrono::system_clock::time_point expires;
  };
  std::optional<DuplicateMark> duplicate;
  // kPipe: the program run, its input already the message as it was when the action was
  // taken; with :try (`pipe_try`) a failing program is no failure of the delivery.
  std::optional<ProgramRequest> program;
  bool pipe_try = false;
  // The message as editheader (RFC 5293) had changed it when the action was added; null: the
  // message the execution started with. Shared: the actions added between two edits see one
  // snapshot.
  std::shared_ptr<const mail::Message> message;
  SourceLocation location;

  // Pigeonhole's action names: "keep", "discard", "store", "redirect", "reject", "ereject",
  // "report", "notify", "duplicate_mark", "vacation", "pipe".
  std::string_view name() const;
  // One line as sieve-test prints it ("store message in folder: Junk").
  std::string Describe() const;
};

// Whether `action` cancels the implicit keep (RFC 5228 §2.10.2; not with :copy, RFC 3894).
bool CancelsImplicitKeep(const Action& action);

class Result {
 public:
  Result(const Limits& limits, std::string default_mailbox);

  // Adds an action, merging it with an equal earlier one; an error when a limit is exceeded.
  ExecStatus Add(Action action);
  bool implicit_keep() const { return implicit_keep_; }
  const std::vector<Action>& actions() const { return actions_; }
  const std::string& default_mailbox() const { return default_mailbox_; }
  // Back to the empty result with the implicit keep in effect.
  void Reset();

 private:
  // The earlier action `action` repeats (RFC 5228 §2.10.3), or null.
  Action* FindDuplicate(const Action& action);
  // RFC 5429 §2.1: a refusal cannot stand next to an action that delivers the message.
  std::optional<std::string> Conflict(const Action& action) const;
  bool StoresToDefault(const Action& action) const;

  const Limits& limits_;
  std::string default_mailbox_;
  std::vector<Action> actions_;
  size_t redirects_ = 0;
  bool implicit_keep_ = true;
};

}  // namespace sieve
