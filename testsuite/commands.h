// The commands and tests of vnd.dovecot.testsuite (testsuite-spec §5), one definition each;
// extension.cc lists them.
#pragma once

#include <string_view>

#include "sieve-lang/extension.h"

namespace sieve {
class Runtime;
}

namespace testsuite {

const sieve::CommandDef& TestCommand();
const sieve::CommandDef& TestEndCommand();  // generated at the end of every test block
const sieve::CommandDef& TestFailCommand();
const sieve::CommandDef& TestSetCommand();
const sieve::CommandDef& TestMessageCommand();
const sieve::CommandDef& TestMessageTest();
const sieve::CommandDef& TestMessagePrintCommand();
const sieve::CommandDef& TestMailboxCreateCommand();
const sieve::CommandDef& TestMailboxDeleteCommand();
const sieve::CommandDef& TestImapMetadataSetCommand();
const sieve::CommandDef& TestResultActionTest();
const sieve::CommandDef& TestResultExecuteTest();
const sieve::CommandDef& TestResultResetCommand();
const sieve::CommandDef& TestResultPrintCommand();
const sieve::CommandDef& TestErrorTest();
const sieve::CommandDef& TestScriptCompileTest();
const sieve::CommandDef& TestScriptRunTest();
const sieve::CommandDef& TestMultiscriptTest();
const sieve::CommandDef& TestBinarySaveCommand();
const sieve::CommandDef& TestBinaryLoadCommand();
const sieve::CommandDef& TestConfigSetCommand();
const sieve::CommandDef& TestConfigUnsetCommand();
const sieve::CommandDef& TestConfigReloadCommand();

// Fails the current test the way test_fail does (§2): in the main script the run continues
// after the test block; in a helper script the helper stops; with no test active the whole
// script aborts (the returned error).
sieve::ExecStatus FailCurrentTest(sieve::Runtime& rt, std::string_view reason);

}  // namespace testsuite
