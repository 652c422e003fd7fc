// reject / ereject (RFC 5429): cancel the implicit keep, conflict with delivering actions,
// and the refusal message a delivery sends.
#include <gtest/gtest.h>

#include "sieve-lang/ext/reject/reject_action.h"
#include "sieve-lang/testing/script_runner.h"

namespace sieve {
namespace {

std::string Outcome(std::string_view body) {
  return testing::RunScript(testing::AllExtensionsEngine(),
                            "require [\"reject\", \"ereject\", \"fileinto\"];\n" + std::string(body),
                            "Subject: x\r\n\r\n", {});
}

TEST(RejectTest, RefusalCancelsTheImplicitKeep) {
  EXPECT_EQ(Outcome("reject \"no thanks\";"), "reject no thanks");
  EXPECT_EQ(Outcome("ereject \"no\"; discard;"), "ereject no; discard");
}

TEST(RejectTest, ConflictsWithDeliveringActions) {
  EXPECT_EQ(Outcome("reject \"no\"; keep;"),
            "RUNTIME ERROR: reject action conflicts with other action: the keep action tries "
            "to deliver the message  | keep");
  EXPECT_EQ(Outcome("fileinto \"A\"; ereject \"no\";"),
            "RUNTIME ERROR: ereject action conflicts with other action: the store action tries "
            "to deliver the message  | keep");
  EXPECT_EQ(Outcome("reject \"a\"; reject \"b\";"),
            "RUNTIME ERROR: duplicate reject/ereject action not allowed  | keep");
}

TEST(RejectTest, RefusalMessageCarriesTheOriginal) {
  mail::Message original{std::string("From: a@example.org\r\nSubject: hi\r\n\r\nbody\r\n")};
  std::string mdn = BuildRejectMessage(original, {.from = "a@example.org", .to = "b@example.net"},
                                       "go away", "postmaster@example.net");
  EXPECT_NE(mdn.find("To: <a@example.org>\r\n"), std::string::npos);
  EXPECT_NE(mdn.find("Auto-Submitted: auto-replied (rejected)\r\n"), std::string::npos);
  EXPECT_NE(mdn.find("go away"), std::string::npos);
  EXPECT_NE(mdn.find("Final-Recipient: rfc822; b@example.net"), std::string::npos);
  EXPECT_NE(mdn.find("Subject: hi\r\n"), std::string::npos);
  mail::Message parsed{mdn};
  EXPECT_EQ(parsed.mime_root().content_type(), "multipart/report");
  EXPECT_EQ(parsed.mime_root().param("report-type"), "disposition-notification");
  ASSERT_EQ(parsed.mime_root().children().size(), 3u);
  // The whole refused message goes back, body included, as Pigeonhole sends it.
  const mail::MimePart& quoted = *parsed.mime_root().children()[2];
  EXPECT_EQ(quoted.content_type(), "message/rfc822");
  EXPECT_NE(quoted.raw_body().find("\r\n\r\nbody\r\n"), std::string::npos);
}

}  // namespace
}  // namespace sieve
