#include "testsuite/extension.h"

#include "sieve-lang/ext/builtin.h"
#include "testsuite/commands.h"

namespace testsuite {

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
  };
  return ext;
}

std::vector<const sieve::Extension*> RunnerExtensions() {
  std::vector<const sieve::Extension*> all = sieve::BuiltinExtensions();
  all.push_back(&TestsuiteExtension());
  return all;
}

}  // namespace testsuite
