#include "mail/internal/transfer_encoding.h"

#include <gtest/gtest.h>

namespace mail::internal {
namespace {

TEST(Base64Test, LenientSkipsLineBreaksAndJunk) {
  EXPECT_EQ(DecodeBase64Lenient("SGVsbG8s\r\nIHdv\ncmxk!"), "Hello, world");
  EXPECT_EQ(DecodeBase64Lenient("SGk=\r\n"), "Hi");
  EXPECT_EQ(DecodeBase64Lenient(""), "");
}

TEST(Base64Test, LenientRestartsAfterPadding) {
  // Two separately padded blocks glued together ("Hi" + "Yo").
  EXPECT_EQ(DecodeBase64Lenient("SGk=WW8="), "HiYo");
}

TEST(Base64Test, StrictRejectsJunkAndBadLengths) {
  EXPECT_EQ(DecodeBase64Strict("SGk="), "Hi");
  EXPECT_EQ(DecodeBase64Strict("SGk"), "Hi");
  EXPECT_EQ(DecodeBase64Strict("SG k="), std::nullopt);
  EXPECT_EQ(DecodeBase64Strict("S"), std::nullopt);
  EXPECT_EQ(DecodeBase64Strict("SGk==="), std::nullopt);
  EXPECT_EQ(DecodeBase64Strict("S=Gk"), std::nullopt);
}

TEST(QuotedPrintableTest, SoftBreaksHexAndTrailingSpace) {
  EXPECT_EQ(DecodeQuotedPrintable("caf=C3=A9 =\r\nau lait   \r\nnext"),
            "caf\xc3\xa9 au lait\r\nnext");
  EXPECT_EQ(DecodeQuotedPrintable("a=3db=3D\n"), "a=b=\n");
}

TEST(QuotedPrintableTest, MalformedEqualsIsKept) {
  EXPECT_EQ(DecodeQuotedPrintable("50% =ZZ off="), "50% =ZZ off");
  EXPECT_EQ(DecodeQuotedPrintable("x=4"), "x=4");
}

TEST(QEncodingTest, UnderscoreAndHex) {
  EXPECT_EQ(DecodeQEncoding("a_b=5F=41"), "a b_A");
  EXPECT_EQ(DecodeQEncoding("=4"), std::nullopt);
  EXPECT_EQ(DecodeQEncoding("=G1"), std::nullopt);
}

}  // namespace
}  // namespace mail::internal
