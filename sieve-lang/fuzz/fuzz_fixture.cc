#include "sieve-lang/fuzz/fuzz_fixture.h"

#include <cstdlib>

#include "sieve-lang/testing/fake_host.h"

namespace sieve::fuzz {

namespace {

constexpr char kMessage[] =
    "Return-Path: <alice@example.org>\r\n"
    "From: Alice <alice@example.org>, =?UTF-8?B?w5xiZXI=?= <u@example.net>\r\n"
    "To: bob@example.com, list: carol@example.net;\r\n"
    "Subject: =?ISO-8859-1?Q?Gr=FC=DFe?= [sieve]\r\n"
    "X-Spam-Score: 12\r\n"
    "Content-Type: multipart/mixed; boundary=b\r\n"
    "\r\n"
    "--b\r\nContent-Type: text/plain\r\n\r\nhello\r\n--b--\r\n";

Options FuzzOptions() {
  Options options;
  options.all_extensions = true;
  return options;
}

}  // namespace

const Engine& FuzzEngine() {
  static const Engine engine(BuiltinRegistry(), FuzzOptions());
  return engine;
}

void ExecuteOnFixedMessage(const Program& program) {
  static const mail::Message message{std::string(kMessage)};
  FakeHost host;
  host.AddMailbox("Lists");
  ExecInput input{.message = &message,
                  .envelope = {.from = "alice@example.org", .to = "bob+tag@example.com"},
                  .host = &host};
  ExecOutcome outcome = FuzzEngine().Execute(program, input);
  if (outcome.error && (!outcome.actions.empty() || !outcome.implicit_keep)) std::abort();
}

}  // namespace sieve::fuzz
