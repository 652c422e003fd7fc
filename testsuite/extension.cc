#include "testsuite/extension.h"

#include <filesystem>

#include "sieve-lang/ext/builtin.h"
#include "testsuite/commands.h"
#include "testsuite/state.h"

namespace testsuite {
namespace {

// ${tst.path}: the absolute directory of the main test file (testsuite-spec §3); any other
// tst.* variable is empty.
std::optional<std::string> ReadTstVariable(sieve::Runtime& rt, std::string_view name) {
  if (name != "path") return std::string();
  std::error_code ec;
  std::filesystem::path file = std::filesystem::absolute(StateOf(rt).main_script(), ec);
  return file.parent_path().lexically_normal().string();
}

}  // namespace

const sieve::Extension& TestsuiteExtension() {
  static const sieve::Extension ext{
      .name = "vnd.dovecot.testsuite",
      .commands = {&TestCommand(), &TestEndCommand(), &TestFailCommand(), &TestSetCommand(),
                   &TestMessageCommand(), &TestMessageTest(), &TestMessagePrintCommand(),
                   &TestMailboxCreateCommand(), &TestMailboxDeleteCommand(),
                   &TestImapMetadataSetCommand(), &TestResultActionTest(),
                   &TestResultExecuteTest(), &TestResultResetCommand(),
                   &TestResultPrintCommand(), &TestErrorTest(), &TestScriptCompileTest(),
                   &TestScriptRunTest(), &TestMultiscriptTest(), &TestBinarySaveCommand(),
                   &TestBinaryLoadCommand(), &TestConfigSetCommand(), &TestConfigUnsetCommand(),
                   &TestConfigReloadCommand()},
      .variable_namespace = "tst",
      .read_namespace_variable = ReadTstVariable,
  };
  return ext;
}

std::vector<const sieve::Extension*> RunnerExtensions() {
  std::vector<const sieve::Extension*> all = sieve::BuiltinExtensions();
  all.push_back(&TestsuiteExtension());
  return all;
}

}  // namespace testsuite
