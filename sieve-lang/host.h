// The embedder's side of the engine (design.md §2.2): everything outside the message that a
// script may ask about. lda implements it for delivery; FakeHost serves tests and tools.
// Called from the executing thread only.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "base/result.h"
#include "sieve-lang/program_request.h"

namespace sieve {

class Host {
 public:
  virtual ~Host() = default;
  // Wall-clock time for date/vacation/duplicate logic (injectable: house rule 9).
  virtual std::chrono::system_clock::time_point Now() const = 0;
  // Whether `mailbox` (UTF-8 name) exists for the user (mailbox extension, fileinto checks).
  virtual bool MailboxExists(std::string_view mailbox) const = 0;
  // Environment items (RFC 5183: "domain", "host", "name", ...); nullopt when unknown.
  virtual std::optional<std::string> EnvironmentItem(std::string_view name) const = 0;
  // The mailbox carrying RFC 6154 special-use `flag` ("\\Junk"), if any (special-use).
  virtual std::optional<std::string> SpecialUseMailbox(std::string_view) const {
    return std::nullopt;
  }
  // A delivery-side setting an extension depends on (recipient_delimiter, ...), as the
  // embedder's configuration has it; nullopt leaves the extension's default.
  virtual std::optional<std::string> Setting(std::string_view) const { return std::nullopt; }
  // The value of IMAP METADATA entry `entry` (RFC 5464, "/private/comment") of `mailbox`, or of
  // the server when `mailbox` is nullopt (mboxmetadata, servermetadata: RFC 5490 §3.3-§4.2);
  // nullopt when the entry has no value (NIL) or the embedder keeps no metadata.
  virtual std::optional<std::string> Metadata(std::optional<std::string_view> /*mailbox*/,
                                              std::string_view /*entry*/) const {
    return std::nullopt;
  }
  // extlists (RFC 6134): whether `item` is on the externally stored list `list` (a full URI,
  // ":addrbook:default" already expanded); nullopt when the embedder knows no such list. An
  // empty `item` only asks whether the list exists.
  virtual std::optional<bool> ExternalListContains(std::string_view /*list*/,
                                                   std::string_view /*item*/) const {
    return std::nullopt;
  }
  // The reply/duplicate tracking database (vacation RFC 5230 §4.2, duplicate RFC 7352): whether
  // `key` was marked and has not expired yet at Now(). Without a database nothing was seen.
  virtual bool TrackingSeen(std::string_view /*key*/) const { return false; }
  // Remembers `key` until `expires` (after the action that needs it was carried out).
  virtual void TrackingMark(std::string_view /*key*/,
                            std::chrono::system_clock::time_point /*expires*/) {}
  // vnd.dovecot.pipe/filter/execute: runs the program the request names from the
  // administrator's directory for its kind, never through a shell, and returns how it ended.
  // An embedder without programs (the tools) fails cleanly.
  virtual base::Result<base::ProgramExit> RunProgram(const ProgramRequest& request) {
    return base::Err(base::Status::Unsupported("external program '" + request.name +
                                               "': programs are not available here"));
  }
};

}  // namespace sieve
