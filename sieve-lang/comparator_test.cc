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
  EXPECT_TRUE(cmp.Matches("Invoice 42 due", "invoice*DUE"));
  EXPECT_TRUE(cmp.Matches("a*b", "a\\*B"));
  EXPECT_FALSE(cmp.Matches("axb", "a\\*b"));
}

}  // namespace
}  // namespace sieve
