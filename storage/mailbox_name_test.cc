// RFC 3501 §5.1.3 modified UTF-7 and Maildir++ folder directories.
#include "storage/mailbox_name.h"

#include <gtest/gtest.h>

namespace storage {
namespace {

TEST(MailboxNameTest, ModifiedUtf7RoundTrips) {
  // RFC 3501's own example, and what Dovecot writes for common localized folder names.
  EXPECT_EQ(EncodeModifiedUtf7("~peter/mail/台北/日本語"), "~peter/mail/&U,BTFw-/&ZeVnLIqe-");
  EXPECT_EQ(EncodeModifiedUtf7("Entwürfe"), "Entw&APw-rfe");
  EXPECT_EQ(EncodeModifiedUtf7("Tom & Jerry"), "Tom &- Jerry");
  EXPECT_EQ(EncodeModifiedUtf7("😀"), "&2D3eAA-");
  for (std::string_view name : {"Entwürfe", "Tom & Jerry", "日本語", "😀 x", "plain"}) {
    EXPECT_EQ(DecodeModifiedUtf7(*EncodeModifiedUtf7(name)), name);
  }
  EXPECT_EQ(EncodeModifiedUtf7("\xff"), std::nullopt);
}

TEST(MailboxNameTest, MalformedUtf7IsRefused) {
  EXPECT_EQ(DecodeModifiedUtf7("&U,BTFw"), std::nullopt);  // no closing '-'
  EXPECT_EQ(DecodeModifiedUtf7("&AGE-"), std::nullopt);    // encodes "a"
  EXPECT_EQ(DecodeModifiedUtf7("&2D0-"), std::nullopt);    // lone surrogate
  EXPECT_EQ(DecodeModifiedUtf7("&U!-"), std::nullopt);     // not base64
}

TEST(MailboxNameTest, MaildirPlusPlusDirectories) {
  EXPECT_EQ(MailboxDirectory("INBOX", Layout::kMaildirPlusPlus), "");
  EXPECT_EQ(MailboxDirectory("inbox", Layout::kMaildirPlusPlus), "");
  EXPECT_EQ(MailboxDirectory("Lists/Dovecot", Layout::kMaildirPlusPlus), ".Lists.Dovecot");
  EXPECT_EQ(MailboxDirectory("Entwürfe", Layout::kMaildirPlusPlus), ".Entw&APw-rfe");
  EXPECT_EQ(MailboxDirectory("Lists/Dovecot", Layout::kFs), "Lists/Dovecot");
  EXPECT_EQ(MailboxDirectory("a.b", Layout::kMaildirPlusPlus), std::nullopt);
  EXPECT_EQ(MailboxDirectory("a.b", Layout::kFs), "a.b");
  EXPECT_EQ(MailboxDirectory("a//b", Layout::kFs), std::nullopt);
  EXPECT_EQ(MailboxDirectory("../etc", Layout::kFs), std::nullopt);
  EXPECT_EQ(MailboxFromDirectory(".Lists.Dovecot"), "Lists/Dovecot");
  EXPECT_EQ(MailboxFromDirectory(".Entw&APw-rfe"), "Entwürfe");
  EXPECT_EQ(MailboxFromDirectory("cur"), std::nullopt);
  EXPECT_EQ(MailboxFromDirectory(".."), std::nullopt);
}

}  // namespace
}  // namespace storage
