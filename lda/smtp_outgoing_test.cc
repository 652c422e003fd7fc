#include "lda/smtp_outgoing.h"

#include <gtest/gtest.h>

namespace lda {
namespace {

TEST(SmtpDataPayload, CrlfLineEndsAndTerminator) {
  EXPECT_EQ(SmtpDataPayload("a\r\nb\r\n"), "a\r\nb\r\n.\r\n");
  // A bare LF becomes CRLF (RFC 5321 §2.3.8), and a last line without one gets it.
  EXPECT_EQ(SmtpDataPayload("a\nb"), "a\r\nb\r\n.\r\n");
  EXPECT_EQ(SmtpDataPayload("a\n\nb\n"), "a\r\n\r\nb\r\n.\r\n");
  EXPECT_EQ(SmtpDataPayload(""), ".\r\n");
}

TEST(SmtpDataPayload, LeadingDotsAreDoubled) {
  // RFC 5321 §4.5.2: every line starting with "." gets one more, so "." alone cannot end
  // the data early.
  EXPECT_EQ(SmtpDataPayload("x\r\n.\r\n..y\r\n z.\r\n"), "x\r\n..\r\n...y\r\n z.\r\n.\r\n");
  EXPECT_EQ(SmtpDataPayload(".first\n"), "..first\r\n.\r\n");
}

TEST(SmtpDataPayload, EightBitBytesPassThrough) {
  EXPECT_EQ(SmtpDataPayload("caf\xc3\xa9\n"), "caf\xc3\xa9\r\n.\r\n");
}

void ExpectTarget(std::string_view value, std::string_view host, std::string_view port) {
  auto target = ParseSubmissionHost(value);
  ASSERT_TRUE(target) << value;
  EXPECT_EQ(target->host, host) << value;
  EXPECT_EQ(target->port, port) << value;
}

TEST(ParseSubmissionHost, HostAndPort) {
  ExpectTarget("mail.example.com", "mail.example.com", "25");
  ExpectTarget("127.0.0.1:2525", "127.0.0.1", "2525");
  ExpectTarget("[::1]:587", "::1", "587");
  ExpectTarget("[::1]", "::1", "25");
  ExpectTarget("::1", "::1", "25");
}

TEST(ParseSubmissionHost, Invalid) {
  EXPECT_FALSE(ParseSubmissionHost("host:"));
  EXPECT_FALSE(ParseSubmissionHost("host:99999"));
  EXPECT_FALSE(ParseSubmissionHost("host:smtp"));
  EXPECT_FALSE(ParseSubmissionHost("[::1"));
  EXPECT_FALSE(ParseSubmissionHost(":25"));
}

}  // namespace
}  // namespace lda
