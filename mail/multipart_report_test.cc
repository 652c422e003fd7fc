// RFC 6522 multipart/report composition.
#include "mail/multipart_report.h"

#include <gtest/gtest.h>

#include "mail/message.h"

namespace mail {
namespace {

TEST(MultipartReportTest, BoundaryAvoidsTheQuotedMessage) {
  MultipartReport report;
  report.headers = {{"To", "<x@example.com>"}};
  report.report_type = "feedback-report";
  report.human_text = "see below";
  report.machine_fields = "Version: 1\r\nFeedback-Type: abuse\r\n";
  report.original = "Subject: tricky\r\n\r\n--roost-report\r\n--roost-report-1--\r\n";
  Message parsed{ComposeMultipartReport(report)};
  EXPECT_EQ(parsed.headers().GetFirst("to"), "<x@example.com>");
  EXPECT_EQ(parsed.mime_root().param("boundary"), "roost-report-2");
  ASSERT_EQ(parsed.mime_root().children().size(), 3u);
  EXPECT_EQ(parsed.mime_root().children()[1]->content_type(), "message/feedback-report");
  EXPECT_NE(parsed.mime_root().children()[2]->raw_body().find("--roost-report-1--"),
            std::string::npos);
}

TEST(MultipartReportTest, HeaderValuesCannotStartNewFields) {
  MultipartReport report;
  report.headers = {{"Subject", "Report: hi\r\nBcc: victim@example.org"}};
  report.report_type = "feedback-report";
  Message parsed{ComposeMultipartReport(report)};
  EXPECT_FALSE(parsed.headers().Has("bcc"));
  EXPECT_EQ(parsed.headers().GetFirst("subject"), "Report: hi  Bcc: victim@example.org");
}

}  // namespace
}  // namespace mail
