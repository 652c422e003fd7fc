// duplicate (RFC 7352): IDs, handles, periods and the mark recorded only through the result.
#include <gtest/gtest.h>

#include "sieve-lang/ext/duplicate/duplicate.h"
#include "sieve-lang/testing/script_runner.h"

namespace sieve {
namespace {

constexpr std::string_view kMessage = "Message-ID: <1@x>\r\nX-Id: abc\r\nSubject: x\r\n\r\nhi\r\n";

std::string Outcome(std::string_view body, FakeHost& host, std::string_view message = kMessage) {
  return testing::RunScript(testing::AllExtensionsEngine(),
                            "require \"duplicate\";\n" + std::string(body), message, {}, &host);
}

TEST(DuplicateTest, NewMessageIsNotADuplicateAndGetsMarked) {
  FakeHost host;
  EXPECT_EQ(Outcome("if duplicate { discard; }", host), "duplicate_mark <1@x> | keep");
  // The engine never records by itself: the embedder executes the mark.
  EXPECT_FALSE(host.TrackingSeen(ext::DuplicateKey(std::nullopt, "<1@x>")));
  host.TrackingMark(ext::DuplicateKey(std::nullopt, "<1@x>"),
                    host.Now() + std::chrono::seconds(60));
  EXPECT_EQ(Outcome("if duplicate { discard; }", host), "discard");
  // :last refreshes the record of a duplicate (RFC 7352 §3.4).
  EXPECT_EQ(Outcome("if duplicate :last { discard; }", host), "duplicate_mark <1@x>; discard");
  // Handles keep separate sets of IDs (§3.5).
  EXPECT_EQ(Outcome("if duplicate :handle \"h\" { discard; }", host), "duplicate_mark <1@x> | keep");
}

TEST(DuplicateTest, IdSources) {
  FakeHost host;
  EXPECT_EQ(Outcome("if duplicate :header \"x-id\" { discard; }", host), "duplicate_mark abc | keep");
  EXPECT_EQ(Outcome("if duplicate :uniqueid \"u\" { discard; }", host), "duplicate_mark u | keep");
  // No ID: not a duplicate, nothing to track.
  EXPECT_EQ(Outcome("if duplicate { discard; }", host, "Subject: x\r\n\r\n"), " | keep");
}

TEST(DuplicateTest, Expiry) {
  FakeHost host;
  host.TrackingMark(ext::DuplicateKey(std::nullopt, "<1@x>"), host.Now());
  EXPECT_EQ(Outcome("if duplicate { discard; }", host), "duplicate_mark <1@x> | keep");
}

TEST(DuplicateTest, SyntaxErrors) {
  FakeHost host;
  EXPECT_NE(Outcome("if duplicate :header \"a\" :uniqueid \"b\" {}", host).find("COMPILE ERROR"),
            std::string::npos);
  EXPECT_NE(Outcome("if duplicate :seconds \"a\" {}", host).find("COMPILE ERROR"), std::string::npos);
  EXPECT_NE(Outcome("duplicate;", host).find("COMPILE ERROR"), std::string::npos);
}

}  // namespace
}  // namespace sieve
