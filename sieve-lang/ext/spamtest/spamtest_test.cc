// spamtest, spamtestplus, virustest (RFC 5235) with Pigeonhole's settings.
#include <map>

#include <gtest/gtest.h>

#include "sieve-lang/ext/spamtest/status.h"
#include "sieve-lang/testing/script_runner.h"

namespace sieve {
namespace {

constexpr char kMessage[] =
    "From: a@example.org\r\n"
    "X-Spam: Yes, score=7.5 required=5.0\r\n"
    "X-Spam-Low: No, score=1.0 required=5.0\r\n"
    "X-Spam-Neg: No, score=-2.0 required=5.0\r\n"
    "X-Stars: ***\r\n"
    "X-Virus: infected (Eicar)\r\n"
    "X-Verdict: Not Spam\r\n"
    "\r\n"
    "body\r\n";

using Settings = std::map<std::string, std::string>;

// Runs `if <test> { discard; }` with the settings; "discard" when the test is true.
std::string Outcome(std::string_view capabilities, std::string_view test,
                    const Settings& settings) {
  FakeHost host;
  for (const auto& [key, value] : settings) host.SetSetting(key, value);
  std::string script = "require [" + std::string(capabilities) +
                       ", \"relational\", \"comparator-i;ascii-numeric\"];\nif " +
                       std::string(test) + " { discard; }";
  return testing::RunScript(testing::AllExtensionsEngine(), script, kMessage, {}, &host);
}

bool Spam(std::string_view test, const Settings& settings) {
  return Outcome("\"spamtestplus\"", test, settings) == "discard";
}

Settings Score(std::string header) {
  return {{"sieve_spamtest_status_header", header + ": score=(-?[0-9]+\\.[0-9]+)"},
          {"sieve_spamtest_score_max_header", "X-Spam: required=([0-9.]+)"}};
}

TEST(SpamtestTest, ScoreScalesToOneThroughTenTruncating) {
  // 1.0 of 5.0: 1 + 0.2 * 9 = 2.8, truncated as Pigeonhole does.
  EXPECT_TRUE(Spam("spamtest :is \"2\"", Score("X-Spam-Low")));
  EXPECT_TRUE(Spam("spamtest :is \"10\"", Score("X-Spam")));     // past the maximum
  EXPECT_TRUE(Spam("spamtest :is \"1\"", Score("X-Spam-Neg")));  // below zero: clean
  EXPECT_FALSE(Spam("spamtest :is \"0\"", Score("X-Spam-Neg")));
  EXPECT_TRUE(
      Spam("spamtest :value \"ge\" :comparator \"i;ascii-numeric\" \"9\"", Score("X-Spam")));
}

TEST(SpamtestTest, PercentNeedsSpamtestplus) {
  EXPECT_TRUE(Spam("spamtest :percent :is \"20\"", Score("X-Spam-Low")));
  EXPECT_TRUE(Spam("spamtest :percent :is \"0\"", Score("X-Spam-Neg")));
  EXPECT_TRUE(Spam("spamtest :percent :is \"100\"", Score("X-Spam")));
  // Both capabilities together still know :percent; "spamtest" alone refuses it (§3.2).
  EXPECT_EQ(
      Outcome("\"spamtest\", \"spamtestplus\"", "spamtest :percent \"20\"", Score("X-Spam-Low")),
      "discard");
  EXPECT_NE(Outcome("\"spamtest\"", "spamtest :percent \"20\"", Score("X-Spam-Low"))
                .find("COMPILE ERROR"),
            std::string::npos);
}

TEST(SpamtestTest, NotTestedIsZeroWithCountZero) {
  Settings missing = Score("X-Absent");
  EXPECT_TRUE(Spam("spamtest :is \"0\"", missing));
  EXPECT_TRUE(Spam("spamtest :percent :is \"0\"", missing));
  // RFC 5235 §3.1: :count tells "not tested" (0) from "tested" (1).
  EXPECT_TRUE(Spam("spamtest :count \"eq\" :comparator \"i;ascii-numeric\" \"0\"", missing));
  EXPECT_TRUE(Spam("spamtest :percent :count \"eq\" :comparator \"i;ascii-numeric\" \"1\"",
                   Score("X-Spam-Neg")));
  // Unconfigured, a status regexp without a group, no maximum: all "not tested".
  EXPECT_TRUE(Spam("spamtest :is \"0\"", {}));
  EXPECT_TRUE(Spam("spamtest :is \"0\"", {{"sieve_spamtest_status_header", "X-Spam: score"},
                                          {"sieve_spamtest_score_max_value", "5"}}));
  EXPECT_TRUE(Spam("spamtest :is \"0\"", {{"sieve_spamtest_status_header", "X-Spam"}}));
}

TEST(SpamtestTest, StrlenAndLegacySettingNames) {
  Settings stars{{"sieve_spamtest_status_header", "X-Stars"},
                 {"sieve_spamtest_status_type", "strlen"},
                 {"sieve_spamtest_max_value", "6"}};  // Pigeonhole 0.5's name
  EXPECT_TRUE(Spam("spamtest :is \"5\"", stars));     // 1 + 3/6 * 9 = 5.5
  EXPECT_TRUE(Spam("spamtest :percent :is \"50\"", stars));
}

TEST(SpamtestTest, TextValues) {
  Settings text{{"sieve_spamtest_status_header", "X-Verdict"},
                {"sieve_spamtest_status_type", "text"},
                {"sieve_spamtest_text_value/1", "Not Spam"},
                {"sieve_spamtest_text_value/10", "Spam"}};
  EXPECT_TRUE(Spam("spamtest :is \"1\"", text));
  EXPECT_TRUE(Spam("spamtest :percent :is \"0\"", text));
  text["sieve_spamtest_text_value/1"] = "not spam";  // compared exactly
  EXPECT_TRUE(Spam("spamtest :is \"0\"", text));
}

TEST(VirustestTest, TextValuesThroughRegexp) {
  Settings virus{{"sieve_virustest_status_header", "X-Virus: ^([a-z]+)"},
                 {"sieve_virustest_status_type", "text"},
                 {"sieve_virustest_text_value1", "clean"},  // Pigeonhole 0.5's name
                 {"sieve_virustest_text_value/5", "infected"}};
  EXPECT_EQ(Outcome("\"virustest\"", "virustest :is \"5\"", virus), "discard");
  virus.erase("sieve_virustest_text_value/5");
  EXPECT_EQ(Outcome("\"virustest\"", "virustest :is \"0\"", virus), "discard");
  EXPECT_EQ(Outcome("\"virustest\"", "virustest :count \"eq\" \"0\"", virus), "discard");
}

TEST(VirustestTest, ScoreScalesToOneThroughFive) {
  Settings score{{"sieve_virustest_status_header", "X-Spam-Low: score=([0-9.]+)"},
                 {"sieve_virustest_score_max_value", "2"}};
  EXPECT_EQ(Outcome("\"virustest\"", "virustest :is \"3\"", score), "discard");  // 1 + 0.5*4
}

TEST(SpamVirusDecimalTest, PigeonholeSyntax) {
  using spamvirus::ParseDecimal;
  EXPECT_DOUBLE_EQ(*ParseDecimal("-1.6"), -1.6);
  EXPECT_DOUBLE_EQ(*ParseDecimal("+5,25"), 5.25);
  EXPECT_DOUBLE_EQ(*ParseDecimal("7"), 7.0);
  EXPECT_DOUBLE_EQ(*ParseDecimal(".5"), 0.5);
  EXPECT_FALSE(ParseDecimal(""));
  EXPECT_FALSE(ParseDecimal("-"));
  EXPECT_FALSE(ParseDecimal("1.5x"));
  EXPECT_FALSE(ParseDecimal("123456"));  // more than kMaxDecimalDigits
  EXPECT_FALSE(ParseDecimal("1.123456"));
}

}  // namespace
}  // namespace sieve
