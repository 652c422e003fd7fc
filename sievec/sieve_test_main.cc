// sieve-test: run a Sieve script on one message and print what would happen (Pigeonhole's tool
// of the same name). Nothing is delivered or sent.
#include <fstream>
#include <iostream>

#include "base/fs.h"
#include "config/file_dict.h"
#include "mail/address.h"
#include "sieve-lang/ext/extlists/configured_lists.h"
#include "sieve-lang/testing/fake_host.h"
#include "sieve-lang/directory_scripts.h"
#include "sievec/tool_options.h"
#include "sieve-lang/trace_printer.h"

namespace {

constexpr char kUsage[] =
    "Usage: sieve-test [-c CONFIG] [-o key=value] [-x EXTENSIONS] [-D]\n"
    "                  [-f FROM] [-r RCPT] [-a ORIG-RCPT] [-m MAILBOX] [-d DUMP]\n"
    "                  [-t TRACE-FILE] [-T level=LEVEL] [-e] SCRIPT MESSAGE\n"
    "\n"
    "Runs SCRIPT (a .sieve file, or a compiled .svbin) on the message in MESSAGE and prints\n"
    "the actions that would be performed. Nothing is delivered or sent.\n"
    "\n"
    "  -f FROM        envelope sender (default: Return-Path, else sender@example.com)\n"
    "  -r RCPT        envelope recipient (default: Envelope-To/Delivered-To/To, else\n"
    "                 recipient@example.com)\n"
    "  -a ORIG-RCPT   original recipient (default: the recipient)\n"
    "  -m MAILBOX     default mailbox for keep (default: INBOX)\n"
    "  -d DUMP        also write the program's disassembly to DUMP ('-' for stdout)\n"
    "  -t FILE        write a runtime trace to FILE ('-' for stdout)\n"
    "  -T level=L     trace level: actions, commands (default), tests, matching\n"
    "  -e             execute the actions (needs mail storage: not available in this build)\n"
    "  -c, -o, -x, -D as for sievec; --help shows this help\n"
    "\n"
    "Exit status: 0 script ran (even with a runtime error: the implicit keep applies),\n"
    "1 compile error or unreadable input, 64 usage error.\n";

struct Flags {
  tools::CommonOptions common;
  std::string from, rcpt, orig_rcpt, mailbox = "INBOX", dump, trace_file;
  sieve::TraceLevel trace_level = sieve::TraceLevel::kCommands;
  std::vector<std::string> positional;
  std::map<std::string, std::string> settings;  // applied plugin settings (include dirs)
};

// The first address of the first present header among `names`, as an addr-spec.
std::string AddressFromHeaders(const mail::Message& msg, std::initializer_list<const char*> names,
                               const char* fallback) {
  for (const char* name : names) {
    if (!msg.headers().Has(name)) continue;
    mail::AddressList list = mail::ParseAddressList(msg.headers().GetFirst(name));
    if (!list.addresses.empty()) return list.addresses.front().AddrSpec();
  }
  return fallback;
}

// Returns a usage error message, or empty on success.
std::string ParseFlags(int argc, char** argv, Flags& flags) {
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    std::string error;
    if (tools::ParseCommonOption(argc, argv, i, flags.common, error)) {
      if (!error.empty()) return error;
      continue;
    }
    std::string* target = arg == "-f"   ? &flags.from
                          : arg == "-r" ? &flags.rcpt
                          : arg == "-a" ? &flags.orig_rcpt
                          : arg == "-m" ? &flags.mailbox
                          : arg == "-d" ? &flags.dump
                          : arg == "-t" ? &flags.trace_file
                                        : nullptr;
    if (target != nullptr || arg == "-T") {
      if (i + 1 >= argc) return "option " + std::string(arg) + " needs a value";
      std::string value = argv[++i];
      if (target != nullptr) {
        *target = value;
      } else if (auto level = sieve::ParseTraceLevel(value)) {
        flags.trace_level = *level;
      } else {
        return "unknown trace level '" + value + "'";
      }
    } else if (arg == "-e") {
      return "-e (execute) needs mail storage, which this build does not have yet";
    } else if (arg.size() > 1 && arg[0] == '-') {
      return "unknown option " + std::string(arg);
    } else {
      flags.positional.emplace_back(arg);
    }
  }
  if (flags.positional.size() != 2) return "expected a script and a message file";
  return {};
}

std::optional<sieve::Program> LoadScript(const sieve::Engine& engine, const std::string& path,
                                         const std::map<std::string, std::string>& settings) {
  auto bytes = tools::ReadInput("sieve-test", path);
  if (!bytes) return std::nullopt;
  if (bytes->starts_with(std::string_view(sieve::kProgramMagic, 4))) {
    auto program = engine.Load(*bytes);
    if (!program) {
      std::cerr << "sieve-test: " << path << ": " << program.error().message() << "\n";
      return std::nullopt;
    }
    return std::move(*program);
  }
  const sieve::DirectoryScripts scripts(settings, path);
  sieve::CompileOutput out = engine.Compile(*bytes, path, &scripts);
  tools::PrintDiagnostics(path, out.diagnostics, /*json=*/false);
  if (!out.program) std::cerr << "sieve-test: failed to compile sieve script '" << path << "'\n";
  return std::move(out.program);
}

// The IMAP flags a store sets (imap4flags), under the action.
void PrintFlags(const std::optional<std::vector<std::string>>& flags) {
  if (!flags || flags->empty()) return;
  std::cout << "       + flags:";
  for (const std::string& flag : *flags) std::cout << " " << flag;
  std::cout << "\n";
}

void PrintOutcome(const sieve::ExecOutcome& outcome, const std::string& mailbox) {
  std::cout << "\nPerformed actions:\n\n";
  if (outcome.actions.empty()) std::cout << "  (none)\n";
  for (const sieve::Action& a : outcome.actions) {
    std::cout << " * " << a.Describe() << (a.copy ? " (copy)" : "") << "\n";
    PrintFlags(a.flags);
  }
  std::cout << "\nImplicit keep:\n\n";
  if (outcome.implicit_keep) {
    std::cout << " * store message in folder: " << mailbox << "\n";
    PrintFlags(outcome.implicit_keep_flags);
    std::cout << "\n";
  } else {
    std::cout << "  (none)\n\n";
  }
}

}  // namespace

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (std::string_view(argv[i]) == "--help" || std::string_view(argv[i]) == "-h") {
      std::cout << kUsage;
      return tools::kExitOk;
    }
  }
  Flags flags;
  if (std::string error = ParseFlags(argc, argv, flags); !error.empty()) {
    std::cerr << "sieve-test: " << error << "\n" << kUsage;
    return tools::kExitUsage;
  }
  sieve::Options options;
  options.default_mailbox = flags.mailbox;
  if (auto err = tools::BuildEngineOptions(flags.common, options, &flags.settings)) {
    std::cerr << "sieve-test: " << *err << "\n";
    return tools::kExitUsage;
  }
  sieve::Engine engine(sieve::BuiltinRegistry(), options);
  std::optional<sieve::Program> program = LoadScript(engine, flags.positional[0], flags.settings);
  if (!program) return tools::kExitFailure;
  auto message_bytes = tools::ReadInput("sieve-test", flags.positional[1]);
  if (!message_bytes) return tools::kExitFailure;
  mail::Message message(std::move(*message_bytes));

  if (!flags.dump.empty()) {
    if (flags.dump == "-") {
      std::cout << program->Disassemble();
    } else if (base::Status st = base::WriteFileAtomic(flags.dump, program->Disassemble());
               !st.ok()) {
      std::cerr << "sieve-test: " << st.message() << "\n";
    }
  }
  sieve::FakeHost host;
  // Settings extensions read at run time (recipient_delimiter, sieve_spamtest_*, ...).
  for (const auto& [key, value] : flags.settings) host.SetSetting(key, value);
  // extlists lists come from Pigeonhole's sieve_extlists_list settings and their file dicts.
  host.set_list_source([&host](std::string_view list, std::string_view item) {
    return sieve::ext::ConfiguredListContains(
        [&host](std::string_view key) { return host.Setting(key); }, config::FileDictHasKey,
        list, item);
  });
  sieve::ExecInput input{.message = &message, .host = &host};
  // SMTP paths may come with angle brackets; "-f <>" is the null sender.
  auto path = [](std::string_view p) {
    if (p.size() >= 2 && p.front() == '<' && p.back() == '>') p = p.substr(1, p.size() - 2);
    return std::string(p);
  };
  input.envelope.from = flags.from.empty()
                            ? AddressFromHeaders(message, {"return-path"}, "sender@example.com")
                            : path(flags.from);
  input.envelope.to = flags.rcpt.empty()
                          ? AddressFromHeaders(message, {"envelope-to", "delivered-to", "to"},
                                               "recipient@example.com")
                          : path(flags.rcpt);
  input.envelope.orig_to = flags.orig_rcpt.empty() ? input.envelope.to : path(flags.orig_rcpt);

  std::ofstream trace_file;
  std::optional<sieve::TracePrinter> tracer;
  if (!flags.trace_file.empty()) {
    std::ostream* out = &std::cout;
    if (flags.trace_file != "-") {
      trace_file.open(flags.trace_file);
      out = &trace_file;
    }
    tracer.emplace(*out, flags.trace_level);
    *out << "## Started executing script '" << program->script_name() << "'\n";
    input.trace = &*tracer;
  }
  sieve::ExecOutcome outcome = engine.Execute(*program, input);
  for (const sieve::Diagnostic& d : outcome.reported_errors) {
    std::cerr << flags.positional[0] << ": line " << d.location.line << ": error: "
              << (d.script.empty() ? "" : "in included script '" + d.script + "': ") << d.message
              << "\n";
  }
  if (outcome.error) {
    std::cerr << flags.positional[0] << ": line " << outcome.error->location.line
              << ": error: " << outcome.error->message << "\n"
              << "sieve-test: runtime error: falling back to the implicit keep\n";
  }
  PrintOutcome(outcome, flags.mailbox);
  return tools::kExitOk;
}
