// vnd.dovecot.report: the report action, its checks, and the RFC 5965 message it sends.
#include <gtest/gtest.h>

#include "sieve-lang/ext/vnd.dovecot.report/report_message.h"
#include "sieve-lang/testing/script_runner.h"

namespace sieve {
namespace {

constexpr char kMessage[] =
    "From: spammer@example.net\r\nTo: me@example.com\r\nSubject: =?utf-8?q?Gro=C3=9Fe?= deals\r\n"
    "\r\nBuy now\r\n";

std::string Outcome(std::string_view body) {
  return testing::RunScript(testing::AllExtensionsEngine(),
                            "require [\"vnd.dovecot.report\", \"fileinto\"];\n" + std::string(body),
                            kMessage, {});
}

TEST(ReportTest, ReportLeavesTheImplicitKeep) {
  EXPECT_EQ(Outcome("report \"abuse\" \"This is spam.\" \"abuse@example.net\";"),
            "report abuse@example.net | keep");
  EXPECT_EQ(Outcome("report \"abuse\" \"x\" \"a@example.net\"; fileinto \"Junk\";"),
            "report a@example.net; store Junk");
  // The same report twice is sent once (RFC 5228 §2.10.3 applied to reports).
  EXPECT_EQ(Outcome("report \"abuse\" \"x\" \"a@example.net\"; report \"Abuse\" \"y\" \"a@example.net\";"),
            "report a@example.net | keep");
}

TEST(ReportTest, CompileErrors) {
  EXPECT_NE(Outcome("report \"a?b\" \"x\" \"a@example.net\";").find("feedback type 'a?b' is invalid"),
            std::string::npos);
  EXPECT_NE(Outcome("report \"abuse\" \"x\" \"not an address\";").find("report address"),
            std::string::npos);
  EXPECT_NE(Outcome("report \"abuse\" \"x\";").find("requires 3 positional argument(s), but 2 is/are specified"),
            std::string::npos);
}

TEST(ReportTest, MessageIsAFeedbackReport) {
  mail::Message original{std::string(kMessage)};
  Envelope envelope{.from = "spammer@example.net", .to = "me@example.com"};
  Action action{.kind = Action::Kind::kReport, .target = "abuse@example.net",
                .report = Action::Report{.feedback_type = "abuse", .message = "Spam, again."}};
  std::string sent = BuildFeedbackReport(original, envelope, action, "postmaster@example.com");
  mail::Message report{sent};
  EXPECT_EQ(report.headers().GetFirst("to"), "<abuse@example.net>");
  EXPECT_EQ(report.headers().GetFirst("subject"), "Report: Große deals");
  const mail::MimePart& root = report.mime_root();
  EXPECT_EQ(root.content_type(), "multipart/report");
  EXPECT_EQ(root.param("report-type"), "feedback-report");
  ASSERT_EQ(root.children().size(), 3u);
  EXPECT_NE(root.children()[0]->TextBody().find("Spam, again."), std::string::npos);
  EXPECT_EQ(root.children()[1]->content_type(), "message/feedback-report");
  std::string_view fields = root.children()[1]->raw_body();
  EXPECT_NE(fields.find("Feedback-Type: abuse\r\n"), std::string::npos);
  EXPECT_NE(fields.find("Version: 1\r\n"), std::string::npos);
  EXPECT_NE(fields.find("Original-Mail-From: <spammer@example.net>"), std::string::npos);
  EXPECT_EQ(root.children()[2]->content_type(), "message/rfc822");
  EXPECT_NE(root.children()[2]->raw_body().find("Buy now"), std::string::npos);

  action.report->headers_only = true;
  mail::Message headers_only{BuildFeedbackReport(original, envelope, action, "pm@example.com")};
  ASSERT_EQ(headers_only.mime_root().children().size(), 3u);
  const mail::MimePart& quoted = *headers_only.mime_root().children()[2];
  EXPECT_EQ(quoted.content_type(), "text/rfc822-headers");
  EXPECT_EQ(quoted.raw_body().find("Buy now"), std::string::npos);
}

}  // namespace
}  // namespace sieve
