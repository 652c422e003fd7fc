// Dovecot's "file" dict format: alternating key and value lines.
#include "config/file_dict.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

namespace config {
namespace {

TEST(FileDictTest, LooksUpKeysOnEvenLinesOnly) {
  const std::string dict = "priv/a\n1\npriv/b\npriv/a\n";
  EXPECT_EQ(FileDictLookup(dict, "priv/a"), "1");
  EXPECT_EQ(FileDictLookup(dict, "priv/b"), "priv/a");
  EXPECT_EQ(FileDictLookup(dict, "1"), std::nullopt);  // a value, not a key
  EXPECT_EQ(FileDictLookup("priv/c", "priv/c"), std::nullopt);  // no value line
}

TEST(FileDictTest, HasKeyReadsTheFile) {
  const std::string path = ::testing::TempDir() + "file_dict_test.dict";
  std::ofstream(path) << "priv/sieve/extlists/a@example.com\n1\n";
  EXPECT_EQ(FileDictHasKey(path, "priv/sieve/extlists/a@example.com"), true);
  EXPECT_EQ(FileDictHasKey(path, "priv/sieve/extlists/b@example.com"), false);
  std::remove(path.c_str());
  EXPECT_EQ(FileDictHasKey(path, "priv/sieve/extlists/a@example.com"), std::nullopt);
}

}  // namespace
}  // namespace config
