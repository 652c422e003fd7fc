// Comparators on their own (RFC 4790): equality, substring and glob matching per collation,
// including the edge cases of the in-place :contains scan.
#include <gtest/gtest.h>

#include "sieve-lang/core/core.h"

namespace sieve {
namespace {

struct ContainsCase {
  const char* value;
  const char* key;
  bool expected;
};

TEST(ComparatorTest, AsciiCasemapContains) {
  const Comparator& cmp = core::AsciiCasemapComparator();
  const ContainsCase cases[] = {
      {"Hello World", "world", true},   {"Hello World", "WORLD", true},
      {"Hello World", "hello", true},   {"Hello World", "lo w", true},
      {"Hello World", "worlds", false}, {"Hello", "Hello World", false},
      {"", "", true},                   {"abc", "", true},
      {"", "a", false},                 {"aaab", "aab", true},
      {"xXxY", "xy", true},             {"[SIEVE] list", "[sieve]", true},
      {"Grüße", "GRÜ", false},  // only ASCII letters fold under i;ascii-casemap
      {"Grüße", "gRü", true},           {"a1b2", "1B2", true},
      {"tail", "L", true},              {"tail", "il", true},
      // The search anchors on the key's rarest byte ('-', a digit, 'Q'): hits where that
      // byte is first, last, repeated, or near the ends of the value.
      {"Re: Invoice-12 due", "INVOICE-12", true}, {"invoice-1 invoice-12", "invoice-12", true},
      {"invoice-13", "invoice-12", false},        {"-12", "-12", true},
      {"x9", "X9", true},                         {"9x", "9X", true},
      {"9", "x9", false},                         {"quick Quiz", "QUIZ", true},
      {"--a--b", "-b", true},                     {"ab-", "b-c", false},
  };
  for (const ContainsCase& c : cases) {
    EXPECT_EQ(cmp.Contains(c.value, c.key), c.expected) << c.value << " / " << c.key;
  }
}

TEST(ComparatorTest, OctetContainsIsCaseSensitive) {
  const Comparator& cmp = core::OctetComparator();
  EXPECT_TRUE(cmp.Contains("Hello World", "o W"));
  EXPECT_FALSE(cmp.Contains("Hello World", "world"));
}

TEST(ComparatorTest, AsciiCasemapEqualAndMatches) {
  const Comparator& cmp = core::AsciiCasemapComparator();
  EXPECT_TRUE(cmp.Equal("Subject", "SUBJECT"));
  EXPECT_FALSE(cmp.Equal("Subject", "Subjects"));
  EXPECT_TRUE(cmp.Matches("Invoice 42 due", "invoice*DUE", nullptr));
  EXPECT_TRUE(cmp.Matches("a*b", "a\\*B", nullptr));
  EXPECT_FALSE(cmp.Matches("axb", "a\\*b", nullptr));
}

// RFC 5229 §3.2: each wildcard matches as little as possible, left to right.
TEST(ComparatorTest, GlobCapturesAreNonGreedy) {
  const Comparator& cmp = core::AsciiCasemapComparator();
  struct CaptureCase {
    const char* value;
    const char* pattern;
    std::vector<std::string> expected;
  };
  const CaptureCase cases[] = {
      {"[acme-users] [fwd] version 1.0 is out", "[*] *", {"acme-users", "[fwd] version 1.0 is out"}},
      {"coyote@ACME.Example.COM", "coyote@**.com", {"", "ACME.Example"}},
      {"Foo <a@b@c>", "*<*@*", {"Foo ", "a", "b@c>"}},
      {"abc", "a?c", {"b"}},
      {"abc", "*", {"abc"}},
      {"abc", "abc*", {""}},
      {"a*bc", "a\\**", {"bc"}},
      {"xyz", "?*?", {"x", "y", "z"}},
  };
  for (const CaptureCase& c : cases) {
    Captures captures;
    ASSERT_TRUE(cmp.Matches(c.value, c.pattern, &captures)) << c.value << " / " << c.pattern;
    EXPECT_EQ(captures, c.expected) << c.value << " / " << c.pattern;
  }
  Captures untouched{"keep"};
  EXPECT_FALSE(cmp.Matches("abc", "b*", &untouched));
  EXPECT_EQ(untouched, Captures{"keep"});
}

}  // namespace
}  // namespace sieve
