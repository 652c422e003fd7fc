// The Sieve engine's public face (design.md §2.3): compile a script to a Program, load a saved
// program, execute a program on a message. No I/O of its own: the embedder passes bytes in and
// supplies a Host. An Engine is immutable after construction and may be shared by threads.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "mail/message.h"
#include "sieve-lang/diagnostic.h"
#include "sieve-lang/envelope.h"
#include "sieve-lang/host.h"
#include "sieve-lang/limits.h"
#include "sieve-lang/program.h"
#include "sieve-lang/registry.h"
#include "sieve-lang/result.h"
#include "sieve-lang/script_resolver.h"
#include "sieve-lang/trace.h"

namespace sieve {

struct Options {
  Limits limits;
  // Pigeonhole's `sieve_extensions` spec applied to the defaults ("+x -y" or a plain list).
  std::string extensions;
  // Pigeonhole's `sieve_global_extensions`: names only scripts the admin controls may use
  // (global before/after scripts, sievec of global scripts), on top of `extensions`.
  std::string global_extensions;
  // Pigeonhole's `sieve_implicit_extensions`: names every script has without `require`.
  std::string implicit_extensions;
  // Start from every registered extension instead of Pigeonhole's defaults (the tools do).
  bool all_extensions = false;
  // Pigeonhole's `sieve_plugins` ("sieve_extprograms"): extensions a plugin provides exist only
  // when it is listed, and even then only once enabled like any other extension.
  std::string plugins;
  std::string default_mailbox = "INBOX";
};

// Applies one Pigeonhole setting (`sieve_max_script_size = 1M`, `sieve_max_actions`,
// `sieve_max_redirects`, `sieve_max_cpu_time = 30s`, `sieve_include_max_*`,
// `sieve_extensions`, `sieve_plugins`). Returns NotFound for keys the engine does not own (callers decide
// whether that matters) and InvalidArgument for bad values.
base::Status ApplySetting(Options& options, std::string_view key, std::string_view value);

struct CompileOutput {
  std::optional<Program> program;  // set when compilation succeeded
  Diagnostics diagnostics;         // every error and warning, in order
};

struct ExecInput {
  const mail::Message* message = nullptr;
  Envelope envelope;
  Host* host = nullptr;
  TraceSink* trace = nullptr;  // optional
  // Where actions go; by default a fresh Result per execution. The testsuite shares one
  // across scripts (test_script_run :append_result). Must use this engine's limits.
  Result* result = nullptr;
};

struct ExecOutcome {
  std::vector<Action> actions;  // empty after a runtime error
  bool implicit_keep = true;    // RFC 5228 §2.10.2; also true after a runtime error (§2.10.6)
  std::optional<Diagnostic> error;
  // The flags of the implicit keep (RFC 5232 §3), when the script set any through imap4flags.
  std::optional<std::vector<std::string>> implicit_keep_flags;
  // Errors that did not end the script (Runtime::ReportError), in order.
  std::vector<Diagnostic> reported_errors;
  // editheader (RFC 5293): the message as the script left it, which the implicit keep stores;
  // null when the script made no edit or failed (§2.10.6: the original is kept). Each action
  // carries its own version (Action::message).
  std::shared_ptr<const mail::Message> edited_message;
};

class Engine {
 public:
  Engine(const Registry& registry, Options options);

  const Registry& registry() const { return registry_; }
  const Options& options() const { return options_; }
  const ExtensionSet& enabled() const { return enabled_; }
  // What global scripts may use: enabled() plus sieve_global_extensions.
  const ExtensionSet& global_enabled() const { return global_enabled_; }
  // sieve_implicit_extensions, in registry order.
  const std::vector<const Extension*>& implicit() const { return implicit_; }
  // Warnings from configuring the extension set (unknown names).
  const std::vector<std::string>& config_warnings() const { return config_warnings_; }

  // Compiles `source`; `resolver` finds the scripts it includes (RFC 6609), and without one
  // every include is a compile error.
  // `global_script`: an admin's script, which may also use sieve_global_extensions.
  CompileOutput Compile(std::string_view source, std::string_view script_name,
                        const ScriptResolver* resolver = nullptr,
                        bool global_script = false) const;
  // Loads saved program bytes: Corruption for damaged input, Unsupported for another format
  // version or an extension this engine lacks.
  base::Result<Program> Load(std::string_view bytes, bool global_script = false) const;
  ExecOutcome Execute(const Program& program, const ExecInput& input) const;

 private:
  const Registry& registry_;
  Options options_;
  ExtensionSet enabled_;
  ExtensionSet global_enabled_;
  std::vector<const Extension*> implicit_;
  std::vector<std::string> config_warnings_;
  void RemoveUnloadedPlugins();
};

}  // namespace sieve
