// ihave and error (RFC 5463).
#include <gtest/gtest.h>

#include "sieve-lang/testing/script_runner.h"

namespace sieve {
namespace {

std::string Outcome(std::string_view body) {
  const Engine& engine = testing::AllExtensionsEngine();
  return testing::RunScript(engine, "require \"ihave\";\n" + std::string(body),
                            "Subject: x\r\n\r\n", {.from = "a@example.org", .to = "b@x.org"});
}

TEST(IhaveTest, AvailableCapabilityIsLoadedForTheBlock) {
  EXPECT_EQ(Outcome("if ihave \"fileinto\" { fileinto \"A\"; }"), "store A");
}

TEST(IhaveTest, MissingCapabilitySkipsTheBlockAtCompileTime) {
  EXPECT_EQ(Outcome("if ihave \"no-such-ext\" { frobnicate 1; } else { discard; }"), "discard");
  EXPECT_EQ(Outcome("if ihave [\"fileinto\", \"no-such-ext\"] { fileinto \"A\"; }"), " | keep");
}

TEST(IhaveTest, ErrorStopsWithItsMessage) {
  EXPECT_EQ(Outcome("discard; error \"giving up\";"), "RUNTIME ERROR: giving up  | keep");
}

}  // namespace
}  // namespace sieve
