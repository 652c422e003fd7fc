// Maildir file names as Dovecot writes them.
#include "storage/maildir_filename.h"

#include <gtest/gtest.h>

namespace storage {
namespace {

TEST(MaildirFilenameTest, ParsesBaseFlagsAndSizes) {
  MaildirFilename f = ParseMaildirFilename("1763800000.M12P34Q5.mx,S=1234,W=1260:2,SRa");
  EXPECT_EQ(f.base, "1763800000.M12P34Q5.mx,S=1234,W=1260");
  EXPECT_EQ(f.flags, "RSa");  // sorted
  EXPECT_EQ(f.size, 1234u);
  EXPECT_EQ(f.vsize, 1260u);
  MaildirFilename bare = ParseMaildirFilename("1763800000.M1P2.host");
  EXPECT_EQ(bare.base, "1763800000.M1P2.host");
  EXPECT_EQ(bare.flags, "");
  EXPECT_EQ(bare.size, std::nullopt);
}

TEST(MaildirFilenameTest, FormatsSortedUniqueLetters) {
  EXPECT_EQ(FormatMaildirFilename("b", "SFSa"), "b:2,FSa");
  EXPECT_EQ(FormatMaildirFilename("b", ""), "b:2,");
  EXPECT_EQ(FormatMaildirFilename("b", "", /*always_info=*/false), "b");
}

TEST(MaildirFilenameTest, NewBaseEscapesTheHost) {
  EXPECT_EQ(NewMaildirBase(1763800000, 42, 99, 3, "mx/1:2", 10, 12),
            "1763800000.M42P99Q3.mx\\0571\\0722,S=10,W=12");
}

}  // namespace
}  // namespace storage
