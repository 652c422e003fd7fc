// environment (RFC 5183): items come from the host; unknown ones make the test false.
#include <gtest/gtest.h>

#include "sieve-lang/testing/script_runner.h"

namespace sieve {
namespace {

std::string Outcome(std::string_view test) {
  const Engine& engine = testing::AllExtensionsEngine();
  FakeHost host;
  host.SetEnvironment("domain", "example.org");
  std::string script = "require [\"environment\", \"relational\"];\nif " + std::string(test) +
                       " { discard; }";
  return testing::RunScript(engine, script, "Subject: x\r\n\r\n", {}, &host);
}

TEST(EnvironmentTest, KnownItem) {
  EXPECT_EQ(Outcome("environment :is \"domain\" \"EXAMPLE.org\""), "discard");
  EXPECT_EQ(Outcome("environment :count \"eq\" \"domain\" \"1\""), "discard");
}

TEST(EnvironmentTest, UnknownItemIsFalseEvenForCount) {
  EXPECT_EQ(Outcome("environment :contains \"nonsense\" \"\""), " | keep");
  EXPECT_EQ(Outcome("environment :count \"eq\" \"nonsense\" \"0\""), " | keep");
}

}  // namespace
}  // namespace sieve
