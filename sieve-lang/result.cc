#include "sieve-lang/result.h"

#include "base/strings.h"

namespace sieve {

std::string_view Action::name() const {
  switch (kind) {
    case Kind::kKeep: return "keep";
    case Kind::kDiscard: return "discard";
    case Kind::kStore: return "store";
    case Kind::kRedirect: return "redirect";
    case Kind::kReject: return "reject";
    case Kind::kEreject: return "ereject";
    case Kind::kReport: return "report";
    case Kind::kNotify: return "notify";
    case Kind::kDuplicateMark: return "duplicate_mark";
    case Kind::kVacation: return "vacation";
    case Kind::kPipe: return "pipe";
  }
  return "?";
}

std::string Action::Describe() const {
  switch (kind) {
    case Kind::kKeep: return "keep message in folder: " + target;
    case Kind::kDiscard: return "discard";
    case Kind::kStore: return "store message in folder: " + target;
    case Kind::kRedirect: return "redirect message to: " + target;
    case Kind::kReject:
    case Kind::kEreject: return "reject message with reason: " + target;
    case Kind::kReport:
      return "send " + (report ? report->feedback_type : std::string("?")) +
             " report to: " + target;
    case Kind::kNotify: return "send notification with method '" + target + "'";
    case Kind::kDuplicateMark: return "track duplicate with id: " + target;
    case Kind::kVacation:
      return (notification ? "send vacation message to: <" : "no vacation reply to: <") +
             target + ">";
    case Kind::kPipe: return "pipe message to external program '" + target + "'";
  }
  return "?";
}

Result::Result(const Limits& limits, std::string default_mailbox)
    : limits_(limits), default_mailbox_(std::move(default_mailbox)) {}

// RFC 3501 §5.1: INBOX is case-insensitive; other names compare exactly.
static bool SameMailbox(const std::string& a, const std::string& b) {
  if (base::EqualsIgnoreCase(a, "INBOX") && base::EqualsIgnoreCase(b, "INBOX")) return true;
  return a == b;
}

bool Result::StoresToDefault(const Action& action) const {
  return action.kind == Action::Kind::kKeep ||
         (action.kind == Action::Kind::kStore && SameMailbox(action.target, default_mailbox_));
}

// RFC 5228 §2.10.3: executing the same action twice has the effect of doing it once; keep and
// fileinto of the default mailbox are the same action.
Action* Result::FindDuplicate(const Action& action) {
  for (Action& old : actions_) {
    if (StoresToDefault(action) && StoresToDefault(old)) return &old;
    if (old.kind != action.kind) continue;
    switch (action.kind) {
      case Action::Kind::kDiscard: return &old;
      case Action::Kind::kStore:
        if (SameMailbox(old.target, action.target)) return &old;
        break;
      case Action::Kind::kRedirect:
        if (base::EqualsIgnoreCase(old.target, action.target)) return &old;
        break;
      case Action::Kind::kKeep: return &old;
      case Action::Kind::kReject:
      case Action::Kind::kEreject: break;  // two refusals are a conflict, not a duplicate
      case Action::Kind::kReport:
        if (base::EqualsIgnoreCase(old.target, action.target) && old.report && action.report &&
            old.report->feedback_type == action.report->feedback_type) {
          return &old;
        }
        break;
      // RFC 5435 §3.9 leaves duplicate notifications to the method (enotify drops recipients
      // an earlier notification already reached); marks are idempotent in the database.
      case Action::Kind::kNotify:
      case Action::Kind::kDuplicateMark:
      case Action::Kind::kVacation: break;  // two vacations are a conflict (Conflict)
      case Action::Kind::kPipe: break;      // a second pipe to a program is a conflict
    }
  }
  return nullptr;
}

static bool LeavesImplicitKeep(const Action& a) {
  return a.kind == Action::Kind::kReport || a.kind == Action::Kind::kNotify ||
         a.kind == Action::Kind::kDuplicateMark || a.kind == Action::Kind::kVacation;
}

static bool Refuses(const Action& a) {
  return a.kind == Action::Kind::kReject || a.kind == Action::Kind::kEreject;
}

static bool Delivers(const Action& a) {
  return a.kind == Action::Kind::kKeep || a.kind == Action::Kind::kStore ||
         a.kind == Action::Kind::kRedirect || a.kind == Action::Kind::kPipe;
}

std::optional<std::string> Result::Conflict(const Action& action) const {
  for (const Action& old : actions_) {
    if (Refuses(action) && Refuses(old)) {
      return "duplicate reject/ereject action not allowed";
    }
    if ((Refuses(action) && Delivers(old)) || (Delivers(action) && Refuses(old))) {
      const Action& other = Refuses(action) ? old : action;
      return std::string(Refuses(action) ? action.name() : old.name()) +
             " action conflicts with other action: the " + std::string(other.name()) +
             " action tries to deliver the message";
    }
    // spec-bosch-sieve-extprograms §5.1: a script MUST fail when it pipes to one program twice.
    if (action.kind == Action::Kind::kPipe && old.kind == Action::Kind::kPipe &&
        old.target == action.target) {
      return "duplicate pipe action for program '" + action.target + "' not allowed";
    }
    // RFC 5230 §4.7 / RFC 5429 §2.1: a refusal and a vacation reply would both answer the
    // sender; one vacation response per message.
    bool vacation = action.kind == Action::Kind::kVacation;
    if (vacation && old.kind == Action::Kind::kVacation) {
      return "duplicate vacation action not allowed";
    }
    if ((vacation && Refuses(old)) || (Refuses(action) && old.kind == Action::Kind::kVacation)) {
      return std::string(action.name()) + " action conflicts with other action: the " +
             std::string(old.name()) + " action also sends a response to the sender";
    }
  }
  return std::nullopt;
}

// RFC 5228 §2.10.2: keep, fileinto, redirect and discard cancel the implicit keep; :copy
// (RFC 3894 §3) keeps it, and so does a report (it only tells someone about the message).
// Notifications and duplicate marks (RFC 5435 §3.9, RFC 7352 §3) leave it alone too.
bool CancelsImplicitKeep(const Action& action) {
  return !action.copy && !LeavesImplicitKeep(action);
}

ExecStatus Result::Add(Action action) {
  if (auto conflict = Conflict(action)) return std::unexpected(ExecError{*conflict});
  if (CancelsImplicitKeep(action)) implicit_keep_ = false;
  if (Action* old = FindDuplicate(action)) {
    // RFC 5232 §5: when a store is merged with an earlier one, its flag list wins.
    if (action.flags) old->flags = std::move(action.flags);
    return {};
  }
  if (action.kind == Action::Kind::kRedirect && limits_.max_redirects != 0 &&
      redirects_ + 1 > limits_.max_redirects) {
    return std::unexpected(ExecError{"number of redirect actions exceeds policy limit (" +
                                     std::to_string(redirects_ + 1) + " > " +
                                     std::to_string(limits_.max_redirects) + ")"});
  }
  if (limits_.max_actions != 0 && actions_.size() + 1 > limits_.max_actions) {
    return std::unexpected(ExecError{"total number of actions exceeds policy limit (" +
                                     std::to_string(actions_.size() + 1) + " > " +
                                     std::to_string(limits_.max_actions) + ")"});
  }
  if (action.kind == Action::Kind::kRedirect) ++redirects_;
  actions_.push_back(std::move(action));
  return {};
}

void Result::Reset() {
  actions_.clear();
  redirects_ = 0;
  implicit_keep_ = true;
}

}  // namespace sieve
