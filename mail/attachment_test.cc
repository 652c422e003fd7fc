// Attachment detection as Dovecot's add-flags option applies it.
#include "mail/attachment.h"

#include <gtest/gtest.h>

namespace mail {
namespace {

std::string Mixed(std::string_view second_part_headers) {
  return "From: a@example.com\r\nContent-Type: multipart/mixed; boundary=B\r\n\r\n"
         "--B\r\nContent-Type: text/plain\r\n\r\nhello\r\n"
         "--B\r\n" + std::string(second_part_headers) + "\r\n\r\nAAAA\r\n--B--\r\n";
}

TEST(AttachmentTest, PlainMessagesHaveNone) {
  Message plain{std::string("From: a@example.com\r\nSubject: x\r\n\r\nbody\r\n")};
  EXPECT_FALSE(HasAttachment(plain));
  EXPECT_STREQ(AttachmentKeyword(plain), "$HasNoAttachment");
  Message alternative{Mixed("Content-Type: text/html")};
  EXPECT_FALSE(HasAttachment(alternative));
}

TEST(AttachmentTest, DeclaredOrNamedPartsAreAttachments) {
  EXPECT_TRUE(HasAttachment(Message{Mixed("Content-Type: application/pdf\r\n"
                                          "Content-Disposition: attachment")}));
  EXPECT_TRUE(HasAttachment(Message{Mixed("Content-Type: image/png\r\n"
                                          "Content-Disposition: inline; filename=\"a.png\"")}));
  Message named{Mixed("Content-Type: application/pdf; name=\"invoice.pdf\"")};
  EXPECT_TRUE(HasAttachment(named));
  EXPECT_STREQ(AttachmentKeyword(named), "$HasAttachment");
}

}  // namespace
}  // namespace mail
