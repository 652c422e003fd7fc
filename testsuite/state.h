// Everything a test file's run shares (testsuite-spec §4): current message and envelope, the
// shared result and what of it was executed, the SMTP outbox, the mail store, the compiled
// script slot, the captured error log, configuration overrides and the test bookkeeping.
// It is also the sieve::Host of every script the run executes, which is how the testsuite
// commands reach it (Runtime::host()). One per process; single-threaded.
#pragma once

#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mail/message.h"
#include "sieve-lang/redirect_policy.h"
#include "testsuite/script_store.h"
#include "sieve-lang/sieve.h"
#include "testsuite/mail_store.h"

namespace testsuite {

struct OutboxEntry {
  std::string message;  // as submitted
  std::string from;     // MAIL FROM; empty for the null sender
  std::string to;       // RCPT TO
};

class State : public sieve::Host {
 public:
  // The message every run starts with (§3).
  static constexpr char kDefaultMessage[] =
      "From: sender@example.com\n"
      "To: recipient@example.org\n"
      "Subject: Frop!\n"
      "\n"
      "Friep!\n";

  // `main_script` is the .svtest path; helper paths resolve against its directory.
  State(const sieve::Engine& engine, std::string main_script, std::FILE* out);
  ~State() override;  // removes the work directory
  State(const State&) = delete;
  State& operator=(const State&) = delete;

  // sieve::Host
  std::chrono::system_clock::time_point Now() const override;
  bool MailboxExists(std::string_view mailbox) const override;
  std::optional<std::string> EnvironmentItem(std::string_view name) const override;
  // The overrides as of the last test_config_reload.
  std::optional<std::string> Setting(std::string_view key) const override;
  // METADATA entries as test_imap_metadata_set stored them.
  std::optional<std::string> Metadata(std::optional<std::string_view> mailbox,
                                      std::string_view entry) const override;
  // The extlists lists the overrides configure (sieve-lang/ext/extlists/configured_lists.h).
  std::optional<bool> ExternalListContains(std::string_view list,
                                           std::string_view item) const override;
  // An in-memory tracking database for duplicate and vacation, kept for the whole file.
  bool TrackingSeen(std::string_view key) const override;
  void TrackingMark(std::string_view key, std::chrono::system_clock::time_point expires) override;
  // Programs from the sieve_<kind>_bin_dir the overrides set (${tst.path}/../bin upstream).
  base::Result<base::ProgramExit> RunProgram(const sieve::ProgramRequest& request) override;

  // The engine helper scripts compile and run with: the runner's, or the one the last
  // test_config_reload built from the overrides.
  const sieve::Engine& engine() const { return reloaded_ ? *reloaded_ : engine_; }
  std::FILE* out() const { return out_; }
  const std::string& main_script() const { return main_script_; }
  std::string ResolvePath(std::string_view relative) const;
  // Where include finds scripts for helpers (settings as of the last test_config_reload).
  const ScriptStore& scripts() const { return scripts_; }
  // Where binaries and other files of this run go (created on first use).
  std::optional<std::string> WorkDir();

  // Current message and envelope (§3). Setting the message derives a new envelope from it.
  const mail::Message& message() const { return *message_; }
  const sieve::Envelope& envelope() const { return envelope_; }
  sieve::Envelope& mutable_envelope() { return envelope_; }
  void SetMessage(std::string raw);

  // The shared result and its execution state.
  sieve::Result& result() { return result_; }
  // test_result_reset: result, execution state and outbox.
  void ResetResult();
  // Forget what was executed (test_script_run without :append_result); keeps the outbox.
  void ResetExecution();
  // Executes actions not executed yet, then the implicit keep; false if any failed.
  // `implicit_keep_flags`: what the implicit keep stores with (Runtime::ImplicitKeepFlags);
  // `edited`: the message as editheader left it (null: unchanged), which the implicit keep
  // stores unless an action failed (RFC 5293 §7: the fallback keeps the original).
  bool ExecuteResult(const std::optional<std::vector<std::string>>& implicit_keep_flags,
                     const mail::Message* edited = nullptr);
  // One action as a committed delivery would: stores into the store, mail into the outbox.
  bool ExecuteAction(const sieve::Action& action);
  // Stores `message` (null: the current message); logs and returns false when the mailbox
  // does not exist.
  bool Store(std::string_view mailbox,
             const std::optional<std::vector<std::string>>& flags = std::nullopt,
             const mail::Message* message = nullptr);

  MailStore& store() { return store_; }
  std::vector<OutboxEntry>& outbox() { return outbox_; }
  std::optional<sieve::Program>& slot() { return slot_; }

  // Captured log (§4.6): error messages (text only) for test_error.
  const std::vector<std::string>& errors() const { return errors_; }
  void LogError(std::string message);
  void ClearLog() { errors_.clear(); }

  std::map<std::string, std::string>& config() { return config_; }
  // test_config_reload: engine settings (sieve_max_*) and the delivery settings this runner
  // applies take their overrides. An error message for an invalid value.
  std::optional<std::string> ReloadSettings();

  // Test bookkeeping (§2). `exit_index` is the instruction test_fail continues at.
  void BeginTest(std::string name, size_t exit_index);
  void EndTest();  // prints SUCCEEDED
  // Prints the FAILED line (naming the active test, if any).
  void PrintFailure(std::string_view reason);
  // PrintFailure, then ends the active test; returns its exit index, if one was active.
  std::optional<size_t> FailTest(std::string_view reason);
  bool test_active() const { return test_active_; }
  // A helper script run by test_script_run: test_fail there stops the helper instead.
  int helper_depth = 0;
  bool helper_failed = false;
  void PrintFileFailure(std::string_view reason);
  void CountFailure() { ++failures_; }
  int started() const { return started_; }
  int failures() const { return failures_; }

 private:
  void DeriveEnvelope();

  const sieve::Engine& engine_;
  std::unique_ptr<sieve::Engine> reloaded_;
  std::string main_script_;
  std::FILE* out_;
  std::unique_ptr<mail::Message> message_;
  sieve::Envelope envelope_;
  sieve::Result result_;
  size_t executed_ = 0;
  bool implicit_keep_executed_ = false;
  std::vector<const sieve::Action*> failed_pipes_;  // pipes with :try whose program failed
  MailStore store_;
  std::vector<OutboxEntry> outbox_;
  std::optional<sieve::Program> slot_;
  std::vector<std::string> errors_;
  std::map<std::string, std::string> config_;
  std::map<std::string, std::chrono::system_clock::time_point, std::less<>> tracking_;
  sieve::RedirectSettings redirect_settings_;
  std::map<std::string, std::string, std::less<>> applied_;
  std::optional<std::string> work_dir_;
  ScriptStore scripts_;
  std::string test_name_;
  size_t test_exit_ = 0;
  bool test_active_ = false;
  int started_ = 0;
  int failures_ = 0;
};

// The state behind a runtime: every script the testsuite runs has a State as its host.
State& StateOf(sieve::Runtime& rt);
// Makes `flags` the flags imap4flags starts from for the current message: Pigeonhole reads a
// stored message's flags into the internal variable (test_message :folder), and a message
// that was never stored has none (test_set "message").
void SetCurrentFlags(sieve::Runtime& rt, const std::vector<std::string>& flags);

}  // namespace testsuite
