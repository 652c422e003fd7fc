// vnd.dovecot.pipe/filter/execute: the plugin gate, the program name and argument rules
// (spec §3, §4), the commands' checks, and what each asks the host to run and does with the
// answer. The host here is scripted; base/program_runner_test.cc runs real programs and
// testsuite/extensions/extprograms runs both together.
#include "sieve-lang/ext/extprograms/extprograms.h"

#include <gtest/gtest.h>

#include <functional>

#include "sieve-lang/testing/script_runner.h"

namespace sieve {
namespace {

constexpr char kMessage[] = "From: a@example.com\r\nSubject: Frop!\r\n\r\nBody\r\n";

const Engine& PluginEngine() {
  static const Engine engine(BuiltinRegistry(),
                             Options{.all_extensions = true, .plugins = "sieve_extprograms"});
  return engine;
}

// Answers RunProgram from `answer` and remembers every request.
class ProgramHost : public FakeHost {
 public:
  std::function<base::Result<base::ProgramExit>(const ProgramRequest&)> answer =
      [](const ProgramRequest&) { return base::ProgramExit{}; };
  std::vector<ProgramRequest> requests;
  base::Result<base::ProgramExit> RunProgram(const ProgramRequest& request) override {
    requests.push_back(request);
    return answer(request);
  }
};

std::string RunWith(std::string_view script, ProgramHost& host) {
  return testing::RunScript(PluginEngine(), script, kMessage,
                            {.from = "s@example.com", .to = "r@example.org"}, &host);
}

std::string Errors(const Engine& engine, std::string_view script) {
  CompileOutput out = engine.Compile(script, "test");
  std::string text;
  for (const Diagnostic& d : out.diagnostics) {
    if (d.severity == Diagnostic::Severity::kError && d.message != "validation failed") {
      text += d.message + "\n";
    }
  }
  return text;
}

TEST(ExtprogramsTest, KnownOnlyWithThePluginAndEnabledOnlyOnRequest) {
  const Registry& registry = BuiltinRegistry();
  // The tools enable everything, but not what an unloaded plugin provides.
  Engine without(registry, Options{.all_extensions = true});
  EXPECT_NE(Errors(without, "require \"vnd.dovecot.pipe\";"), "");
  // Pigeonhole's defaults leave them off even with the plugin.
  Engine plugin_only(registry, Options{.plugins = "sieve_extprograms"});
  EXPECT_NE(Errors(plugin_only, "require \"vnd.dovecot.filter\";"), "");
  Engine personal(registry, Options{.extensions = "+vnd.dovecot.pipe",
                                    .plugins = "sieve_extprograms"});
  EXPECT_EQ(Errors(personal, "require \"vnd.dovecot.pipe\";"), "");
  EXPECT_NE(Errors(personal, "require \"vnd.dovecot.execute\";"), "");
  // sieve_global_extensions: only the admin's scripts.
  Engine global(registry, Options{.global_extensions = "+vnd.dovecot.execute",
                                  .plugins = "sieve_extprograms"});
  EXPECT_NE(Errors(global, "require \"vnd.dovecot.execute\";"), "");
  EXPECT_TRUE(global.Compile("require \"vnd.dovecot.execute\";", "g", nullptr, true).program);
  // Naming it without the plugin says what is missing.
  Engine unloaded(registry, Options{.extensions = "+vnd.dovecot.pipe"});
  ASSERT_EQ(unloaded.config_warnings().size(), 1u);
  EXPECT_NE(unloaded.config_warnings()[0].find("sieve_plugins = sieve_extprograms"),
            std::string::npos);
}

TEST(ExtprogramsTest, ProgramNames) {
  EXPECT_TRUE(ext::IsValidProgramName("sa-learn"));
  EXPECT_TRUE(ext::IsValidProgramName("pr\xc3\xafnter"));  // "priïnter": Unicode is fine
  EXPECT_TRUE(ext::IsValidProgramName(std::string(128, 'a')));
  EXPECT_FALSE(ext::IsValidProgramName(std::string(129, 'a')));  // refused, not truncated
  for (std::string_view bad : {"", ".", "..", "../frop", "a/b", "/bin/sh", "tab\there",
                               "del\x7f", "c1\xc2\x85", "ls\xe2\x80\xa8", "ps\xe2\x80\xa9",
                               "bad\xff"}) {
    EXPECT_FALSE(ext::IsValidProgramName(bad)) << bad;
  }
}

TEST(ExtprogramsTest, ProgramArguments) {
  EXPECT_TRUE(ext::IsValidProgramArgument("A4 draft\t; $(rm -rf /) '\""));
  EXPECT_FALSE(ext::IsValidProgramArgument("two\r\nlines"));
  EXPECT_FALSE(ext::IsValidProgramArgument("nl\n"));
  EXPECT_FALSE(ext::IsValidProgramArgument(std::string("nul\0", 4)));
  EXPECT_FALSE(ext::IsValidProgramArgument(std::string(5000, 'a')));
}

TEST(ExtprogramsTest, CompileErrors) {
  const Engine& engine = PluginEngine();
  auto errors = [&](std::string_view body) {
    return Errors(engine,
                  "require [\"vnd.dovecot.pipe\", \"vnd.dovecot.filter\", "
                  "\"vnd.dovecot.execute\", \"encoded-character\"];\n" +
                      std::string(body));
  };
  EXPECT_EQ(errors("pipe \"ok\"; pipe \"ok2\" [\"a\", \"b\"]; filter \"f\"; execute \"e\";"), "");
  EXPECT_NE(errors("pipe \"../frop\";"), "");
  EXPECT_NE(errors("pipe \"idiotic${unicode: 2028}\";"), "");
  EXPECT_NE(errors("filter \"ok\" \"bad\nline\";"), "");
  EXPECT_NE(errors("pipe;"), "");
  EXPECT_NE(errors("pipe \"a\" \"b\" \"c\";"), "");
  // :copy belongs to the copy extension (§5.2); filter has no :try.
  EXPECT_NE(errors("pipe :copy \"a\";"), "");
  EXPECT_NE(errors("filter :try \"a\";"), "");
  EXPECT_NE(errors("execute :input \"x\" :pipe \"a\";"), "");  // §7: mutually exclusive
  EXPECT_NE(errors("execute :output \"v\" \"a\";"), "");        // §7: needs variables
  EXPECT_EQ(Errors(engine, "require [\"vnd.dovecot.pipe\", \"copy\"]; pipe :copy :try \"a\";"),
            "");
  const char* with_variables =
      "require [\"vnd.dovecot.pipe\", \"vnd.dovecot.execute\", \"variables\"];\n";
  // §3: the program name MUST be constant; arguments may use variables.
  EXPECT_NE(Errors(engine, std::string(with_variables) + "pipe \"${name}\";"), "");
  EXPECT_EQ(Errors(engine, std::string(with_variables) + "pipe \"a\" \"${arg}\";"), "");
  EXPECT_NE(Errors(engine, std::string(with_variables) + "execute :output \"a-b\" \"a\";"), "");
  EXPECT_EQ(Errors(engine, std::string(with_variables) + "execute :output \"ab\" \"a\";"), "");
}

TEST(ExtprogramsTest, PipeIsAnActionWithTheMessageLockedIn) {
  ProgramHost host;
  EXPECT_EQ(RunWith("require \"vnd.dovecot.pipe\"; pipe \"learn\" [\"spam\", \"x y\"];", host),
            "pipe learn");
  EXPECT_TRUE(host.requests.empty());  // carried out with the result, not by the script
  EXPECT_EQ(RunWith("require [\"vnd.dovecot.pipe\", \"copy\"]; pipe :copy \"learn\";", host),
            "pipe learn :copy | keep");
  // §5.1: twice to one program is an error; to two programs is fine.
  EXPECT_NE(RunWith("require \"vnd.dovecot.pipe\"; pipe \"a\"; pipe \"a\";", host)
                .find("RUNTIME ERROR"),
            std::string::npos);
  EXPECT_EQ(RunWith("require \"vnd.dovecot.pipe\"; pipe \"a\"; pipe \"b\";", host), "pipe a; pipe b");
  // §5.1: pipe and reject do not mix.
  EXPECT_NE(RunWith("require [\"vnd.dovecot.pipe\", \"reject\"]; pipe \"a\"; reject \"no\";", host)
                .find("RUNTIME ERROR"),
            std::string::npos);

  CompileOutput out = PluginEngine().Compile(
      "require [\"vnd.dovecot.pipe\", \"editheader\"]; addheader \"X-Seen\" \"1\";"
      "pipe :try \"learn\" [\"spam\"]; addheader \"X-Later\" \"2\";",
      "t");
  ASSERT_TRUE(out.program);
  mail::Message message{std::string("Subject: x\nTo: r@example.org\n\nbody\n")};
  host.SetSetting("sieve_pipe_exec_timeout", "3s");
  ExecOutcome outcome = PluginEngine().Execute(
      *out.program, {.message = &message,
                     .envelope = {.from = "s@example.com", .to = "r@example.org"},
                     .host = &host});
  ASSERT_EQ(outcome.actions.size(), 1u);
  const Action& pipe = outcome.actions[0];
  ASSERT_TRUE(pipe.program);
  EXPECT_TRUE(pipe.pipe_try);
  EXPECT_EQ(pipe.program->kind, "pipe");
  EXPECT_EQ(pipe.program->run.args, std::vector<std::string>{"spam"});
  EXPECT_EQ(pipe.program->run.timeout, std::chrono::seconds(3));
  // The input is the message as edited when pipe ran, with CRLF line ends by default.
  EXPECT_EQ(pipe.program->run.input,
            "X-Seen: 1\r\nSubject: x\r\nTo: r@example.org\r\n\r\nbody\r\n");
  EXPECT_NE(std::ranges::find(pipe.program->run.env, "SENDER=s@example.com"),
            pipe.program->run.env.end());
  EXPECT_NE(std::ranges::find(pipe.program->run.env, "ORIG_RECIPIENT=r@example.org"),
            pipe.program->run.env.end());
}

TEST(ExtprogramsTest, FilterReplacesTheMessageForLaterTestsAndTheKeep) {
  ProgramHost host;
  host.answer = [](const ProgramRequest& request) {
    EXPECT_EQ(request.kind, "filter");
    return base::ProgramExit{.output = "Subject: [filtered] " + request.run.args.at(0) +
                                       "\r\n\r\nnew\r\n"};
  };
  CompileOutput out = PluginEngine().Compile(
      "require [\"vnd.dovecot.filter\", \"fileinto\"];"
      "fileinto \"Before\";"
      "if filter \"tag\" \"x\" { if header :contains \"subject\" \"[filtered] x\" {"
      "  fileinto \"After\"; } }",
      "t");
  ASSERT_TRUE(out.program);
  mail::Message message{std::string(kMessage)};
  ExecOutcome outcome = PluginEngine().Execute(*out.program, {.message = &message, .host = &host});
  ASSERT_FALSE(outcome.error);
  ASSERT_EQ(outcome.actions.size(), 2u);
  EXPECT_EQ(outcome.actions[0].message, nullptr);  // stored as received
  ASSERT_NE(outcome.actions[1].message, nullptr);
  EXPECT_EQ(outcome.actions[1].message->bytes(), "Subject: [filtered] x\r\n\r\nnew\r\n");
  ASSERT_NE(outcome.edited_message, nullptr);
  EXPECT_EQ(host.requests.at(0).run.input, kMessage);
}

TEST(ExtprogramsTest, FilterFailures) {
  ProgramHost host;
  // Nonzero exit: false, message unchanged (§8), as command too.
  host.answer = [](const ProgramRequest&) { return base::ProgramExit{.status = 1, .output = "x"}; };
  EXPECT_EQ(RunWith("require [\"vnd.dovecot.filter\", \"fileinto\"];"
                "if filter \"f\" { fileinto \"yes\"; } filter \"f\";",
                host),
            " | keep");
  // A program that cannot run: the test is false, the command fails the script.
  host.answer = [](const ProgramRequest&) -> base::Result<base::ProgramExit> {
    return base::Err(base::Status::NotFound("program 'f' not found"));
  };
  EXPECT_EQ(RunWith("require [\"vnd.dovecot.filter\", \"fileinto\"];"
                "if not filter \"f\" { fileinto \"no\"; }",
                host),
            "store no");
  std::string failed = RunWith("require \"vnd.dovecot.filter\"; filter \"f\";", host);
  EXPECT_NE(failed.find("RUNTIME ERROR: failed to filter message through program 'f'"),
            std::string::npos)
      << failed;
  // Output over the cap: no half message.
  host.answer = [](const ProgramRequest&) {
    return base::ProgramExit{.output = "x", .output_truncated = true};
  };
  EXPECT_EQ(RunWith("require [\"vnd.dovecot.filter\", \"fileinto\"];"
                "if filter \"f\" { fileinto \"yes\"; }",
                host),
            " | keep");
}

TEST(ExtprogramsTest, ExecuteInputOutputAndResult) {
  ProgramHost host;
  host.answer = [](const ProgramRequest& request) {
    return base::ProgramExit{.status = request.name == "no" ? 1 : 0,
                             .output = "out:" + request.run.input.value_or("<none>")};
  };
  std::string script =
      "require [\"vnd.dovecot.execute\", \"variables\", \"fileinto\"];"
      "set \"v\" \"old\";"
      "execute :output \"v\" \"e\";"
      "if string \"${v}\" \"out:<none>\" { fileinto \"none\"; }"
      "set \"in\" \"data\";"
      "execute :input \"${in}\" :output \"v\" \"e\";"
      "if string \"${v}\" \"out:data\" { fileinto \"string\"; }"
      "if execute :pipe :output \"v\" \"e\" { fileinto \"piped\"; }"
      "if string :contains \"${v}\" \"Subject: Frop!\" { fileinto \"message\"; }"
      "if not execute :output \"v\" \"no\" { fileinto \"false\"; }"
      "if string :contains \"${v}\" \"Subject: Frop!\" { fileinto \"unchanged\"; }";
  EXPECT_EQ(RunWith(script, host),
            "store none; store string; store piped; store message; store false; store unchanged");
  // Output is cut to what a variable holds.
  ASSERT_GE(host.requests.size(), 1u);
  EXPECT_EQ(host.requests[0].run.max_output, PluginEngine().options().limits.max_variable_size);
  EXPECT_EQ(host.requests[0].kind, "execute");
}

TEST(ExtprogramsTest, RuntimeChecksOfExpandedArguments) {
  ProgramHost host;
  // A CR LF that only variables bring in is caught when the command runs.
  std::string result = RunWith(
      "require [\"vnd.dovecot.execute\", \"variables\", \"encoded-character\"];"
      "set \"a\" \"line${hex:0d 0a}break\";"
      "execute \"e\" \"${a}\";",
      host);
  EXPECT_NE(result.find("RUNTIME ERROR: execute action: invalid program argument"),
            std::string::npos)
      << result;
  EXPECT_TRUE(host.requests.empty());
}

TEST(ExtprogramsTest, WithoutProgramsTheHostFailsCleanly) {
  FakeHost plain;
  std::string result = testing::RunScript(
      PluginEngine(), "require \"vnd.dovecot.execute\"; execute \"e\";", kMessage, {}, &plain);
  EXPECT_NE(result.find("programs are not available here"), std::string::npos) << result;
}

TEST(ExtprogramsTest, LineEnds) {
  EXPECT_EQ(ext::WithLineEnds("a\nb\r\nc\rd", true), "a\r\nb\r\nc\rd");
  EXPECT_EQ(ext::WithLineEnds("a\nb\r\nc", false), "a\nb\nc");
}

}  // namespace
}  // namespace sieve
