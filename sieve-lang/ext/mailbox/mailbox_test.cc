// mailbox (RFC 5490): mailboxexists asks the host; :create travels with the store action.
#include <gtest/gtest.h>

#include "sieve-lang/testing/script_runner.h"

namespace sieve {
namespace {

std::string Outcome(std::string_view body) {
  const Engine& engine = testing::AllExtensionsEngine();
  FakeHost host;
  host.AddMailbox("Lists");
  return testing::RunScript(engine, "require [\"mailbox\", \"fileinto\"];\n" + std::string(body),
                            "Subject: x\r\n\r\n", {}, &host);
}

TEST(MailboxTest, MailboxExistsNeedsEveryName) {
  EXPECT_EQ(Outcome("if mailboxexists \"Lists\" { discard; }"), "discard");
  EXPECT_EQ(Outcome("if mailboxexists [\"Lists\", \"INBOX\"] { discard; }"), "discard");
  EXPECT_EQ(Outcome("if mailboxexists [\"Lists\", \"Nope\"] { discard; }"), " | keep");
}

TEST(MailboxTest, CreateTagIsCarriedByTheAction) {
  EXPECT_EQ(Outcome("fileinto :create \"New\";"), "store New :create");
}

}  // namespace
}  // namespace sieve
