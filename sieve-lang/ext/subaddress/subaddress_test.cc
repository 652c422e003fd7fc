// subaddress (RFC 5233): :user and :detail, with recipient_delimiter from the host.
#include <gtest/gtest.h>

#include "sieve-lang/testing/script_runner.h"

namespace sieve {
namespace {

std::string Outcome(std::string_view test, std::string delimiter = "") {
  const Engine& engine = testing::AllExtensionsEngine();
  FakeHost host;
  if (!delimiter.empty()) host.SetSetting("recipient_delimiter", delimiter);
  std::string script = "require [\"subaddress\", \"envelope\"];\nif " + std::string(test) +
                       " { discard; }";
  return testing::RunScript(engine, script, "To: ken+sieve-x@example.org\r\n\r\n",
                            {.from = "a@example.org", .to = "bob@example.org"}, &host);
}

TEST(SubaddressTest, DefaultDelimiterIsPlus) {
  EXPECT_EQ(Outcome("address :user \"to\" \"ken\""), "discard");
  EXPECT_EQ(Outcome("address :detail \"to\" \"sieve-x\""), "discard");
}

TEST(SubaddressTest, SeveralDelimitersSplitAtTheFirst) {
  EXPECT_EQ(Outcome("address :user \"to\" \"ken\"", "-+"), "discard");
  EXPECT_EQ(Outcome("address :detail \"to\" \"sieve-x\"", "-+"), "discard");
  EXPECT_EQ(Outcome("address :detail \"to\" \"x\"", "-"), "discard");
}

TEST(SubaddressTest, NoDetailMatchesNothing) {
  EXPECT_EQ(Outcome("envelope :detail \"to\" \"\""), " | keep");
  EXPECT_EQ(Outcome("envelope :user \"to\" \"bob\""), "discard");
}

}  // namespace
}  // namespace sieve
