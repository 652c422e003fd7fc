// special-use (RFC 8579): lookups through the host, fallback to the named mailbox.
#include <gtest/gtest.h>

#include "sieve-lang/testing/script_runner.h"

namespace sieve {
namespace {

std::string Outcome(std::string_view body) {
  FakeHost host;
  host.SetSpecialUse("\\Junk", "Spam");
  return testing::RunScript(testing::AllExtensionsEngine(),
                            "require [\"special-use\", \"fileinto\"];\n" + std::string(body),
                            "Subject: x\r\n\r\n", {}, &host);
}

TEST(SpecialUseTest, FileintoUsesTheSpecialUseMailboxOrFallsBack) {
  EXPECT_EQ(Outcome("fileinto :specialuse \"\\\\Junk\" \"Junk\";"), "store Spam");
  EXPECT_EQ(Outcome("fileinto :specialuse \"\\\\Sent\" \"Sent Items\";"), "store Sent Items");
}

TEST(SpecialUseTest, SpecialUseExists) {
  EXPECT_EQ(Outcome("if specialuse_exists \"\\\\Junk\" { discard; }"), "discard");
  EXPECT_EQ(Outcome("if specialuse_exists \"Spam\" \"\\\\Junk\" { discard; }"), "discard");
  EXPECT_EQ(Outcome("if specialuse_exists \"INBOX\" \"\\\\Junk\" { discard; }"), " | keep");
  EXPECT_EQ(Outcome("if specialuse_exists [\"\\\\Junk\", \"\\\\Sent\"] { discard; }"), " | keep");
}

TEST(SpecialUseTest, InvalidFlagIsACompileError) {
  EXPECT_EQ(Outcome("if specialuse_exists \"Junk\" { discard; }"),
            "COMPILE ERROR: 2:4: error: invalid special-use flag 'Junk' specified "
            "0:0: error: validation failed");
  EXPECT_EQ(Outcome("fileinto :specialuse \"Junk\" \"Spam\";"),
            "COMPILE ERROR: 2:1: error: invalid special-use flag 'Junk' specified "
            "0:0: error: validation failed");
}

}  // namespace
}  // namespace sieve
