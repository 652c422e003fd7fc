// enotify / mailto (RFC 5435, RFC 5436, RFC 6068): URI parsing, validation, limits, the
// composed notification and :encodeurl.
#include <gtest/gtest.h>

#include "mail/encoded_words.h"
#include "sieve-lang/ext/enotify/mailto.h"
#include "sieve-lang/testing/script_runner.h"

namespace sieve {
namespace {

std::string Outcome(std::string_view body, std::string_view message = "Subject: x\r\n\r\nhi\r\n") {
  return testing::RunScript(testing::AllExtensionsEngine(),
                            "require [\"enotify\", \"variables\"];\n" + std::string(body), message,
                            {.from = "a@example.org", .to = "b@example.net"});
}

TEST(EnotifyTest, ParsesMailtoUris) {
  auto uri = ext::ParseMailtoUri(
      "mailto:a@example.org%2Cb@example.org?cc=c@example.org&subject=Hi%20there&x-frop=1"
      "&from=evil@example.org&body=text");
  ASSERT_TRUE(uri.has_value()) << uri.error();
  ASSERT_EQ(uri->recipients.size(), 3u);
  EXPECT_EQ(uri->recipients[1].addr_spec, "b@example.org");
  EXPECT_TRUE(uri->recipients[2].cc);
  EXPECT_EQ(uri->subject, "Hi there");
  EXPECT_EQ(uri->body, "text");
  ASSERT_EQ(uri->headers.size(), 1u);  // From is reserved (RFC 5436 §2.7): ignored
  EXPECT_EQ(uri->headers[0].first, "x-frop");
  EXPECT_EQ(uri->warnings.size(), 1u);
}

TEST(EnotifyTest, RejectsBadMailtoUris) {
  EXPECT_FALSE(ext::ParseMailtoUri("mailto:a@example.org;?x=y"));
  EXPECT_FALSE(ext::ParseMailtoUri("mailto:a@example.org?header<=frop"));
  EXPECT_FALSE(ext::ParseMailtoUri("mailto:a@example.org?header=fr>op"));
  EXPECT_FALSE(ext::ParseMailtoUri("mailto:a@example.org?header:=frop"));
  EXPECT_FALSE(ext::ParseMailtoUri("mailto:a%23example.org"));
  EXPECT_FALSE(ext::ParseMailtoUri("mailto:a@example.org?to=b%23example.org"));
  EXPECT_FALSE(ext::ParseMailtoUri("mailto:a@example.org%2"));
}

TEST(EnotifyTest, DropsDuplicateAndSurplusRecipients) {
  auto uri = ext::ParseMailtoUri("mailto:a@x.org%2CA@X.org?cc=a@x.org");
  ASSERT_TRUE(uri);
  EXPECT_EQ(uri->recipients.size(), 1u);
  std::string many = "mailto:";
  for (int i = 0; i < 10; ++i) many += (i ? "%2C" : "") + std::string("u") + std::to_string(i) + "@x.org";
  EXPECT_EQ(ext::ParseMailtoUri(many)->recipients.size(), ext::kMailtoMaxRecipients);
}

TEST(EnotifyTest, ValidatesConstantsAtCompileTime) {
  EXPECT_NE(Outcome("notify \"snailto:a@example.org\";").find("COMPILE ERROR"), std::string::npos);
  EXPECT_NE(Outcome("notify :importance \"4\" \"mailto:a@example.org\";").find("COMPILE ERROR"),
            std::string::npos);
  EXPECT_NE(Outcome("notify :options \"frop\" \"mailto:a@example.org\";").find("COMPILE ERROR"),
            std::string::npos);
  EXPECT_NE(Outcome("notify :from \"\" \"mailto:a@example.org\";").find("COMPILE ERROR"),
            std::string::npos);
  // Variables defer the checks to run time.
  EXPECT_EQ(Outcome("set \"m\" \"snailto:x\"; notify \"${m}\";"),
            "RUNTIME ERROR: notify method 'snailto' is not supported  | keep");
}

TEST(EnotifyTest, NotifyKeepsTheImplicitKeepAndIsLimited) {
  EXPECT_EQ(Outcome("notify \"mailto:a@example.org\";"), "notify mailto:a@example.org | keep");
  std::string script;
  for (int i = 0; i < 11; ++i) script += "notify \"mailto:u" + std::to_string(i) + "@x.org\";";
  EXPECT_NE(Outcome(script).find("number of notify actions exceeds policy limit (11 > 10)"),
            std::string::npos);
}

TEST(EnotifyTest, MethodTests) {
  EXPECT_EQ(Outcome("if valid_notify_method [\"mailto:a@x.org\", \"mailto:b@x.org\"] { discard; }"),
            "discard");
  EXPECT_EQ(Outcome("if valid_notify_method \"xmpp:a@x.org\" { discard; }"), " | keep");
  EXPECT_EQ(Outcome("if notify_method_capability \"mailto:a@x.org\" \"Online\" \"maybe\" "
                "{ discard; }"),
            "discard");
}

TEST(EnotifyTest, EncodeUrl) {
  EXPECT_EQ(ext::EncodeUrl("\\frop\\&fruts/^@", 0), "%5Cfrop%5C%26fruts%2F%5E%40");
  EXPECT_EQ(ext::EncodeUrl("a-b._~", 0), "a-b._~");
  // Whole characters only: "\xe4\xb8\x83" needs 9 bytes.
  EXPECT_EQ(ext::EncodeUrl("x\xe4\xb8\x83", 9), "x");
  EXPECT_EQ(Outcome("set :encodeurl \"v\" \"a b\"; if string \"${v}\" \"a%20b\" { discard; }"),
            "discard");
}

TEST(EnotifyTest, ComposesTheNotification) {
  auto uri = ext::ParseMailtoUri("mailto:a@example.org?cc=c@example.org&x-frop=yes");
  ASSERT_TRUE(uri);
  mail::Message original{std::string("Subject: Frop!\r\n\r\nbody\r\n")};
  ext::NotifyParams params{.importance = 1, .from_default = "postmaster@example.net",
                           .owner = "me@example.net"};
  std::string msg = ext::ComposeNotification(*uri, params, original);
  EXPECT_NE(msg.find("From: postmaster@example.net\r\n"), std::string::npos);
  EXPECT_NE(msg.find("To: a@example.org\r\nCc: c@example.org\r\n"), std::string::npos);
  EXPECT_NE(msg.find("Subject: Notification: Frop!\r\n"), std::string::npos);
  EXPECT_NE(msg.find("Auto-Submitted: auto-notified; owner-email=\"me@example.net\"\r\n"),
            std::string::npos);
  EXPECT_NE(msg.find("X-Priority: 1 (Highest)\r\n"), std::string::npos);
  EXPECT_NE(msg.find("x-frop: yes\r\n"), std::string::npos);
  // :message wins; overlong subjects end in an ellipsis after 255 characters.
  params.message = std::string(300, 'm');
  msg = ext::ComposeNotification(*uri, params, original);
  mail::Message parsed{msg};
  ASSERT_EQ(parsed.headers().GetAll("subject").size(), 1u);
  EXPECT_EQ(mail::DecodeEncodedWords(parsed.headers().GetAll("subject")[0]),
            std::string(255, 'm') + "\xe2\x80\xa6");
}

TEST(EnotifyTest, NoNotificationAboutAutoSubmittedMessages) {
  EXPECT_TRUE(ext::IsAutoSubmitted(mail::Message{std::string("Auto-Submitted: auto-notify\r\n\r\n")}));
  EXPECT_FALSE(ext::IsAutoSubmitted(mail::Message{std::string("Auto-Submitted: No\r\n\r\n")}));
  EXPECT_FALSE(ext::IsAutoSubmitted(mail::Message{std::string("Subject: x\r\n\r\n")}));
}

}  // namespace
}  // namespace sieve
