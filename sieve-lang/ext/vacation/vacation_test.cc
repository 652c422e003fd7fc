// vacation / vacation-seconds (RFC 5230, RFC 6131): when a reply is due, what it looks like,
// reply tracking through the Host, and the compile-time checks.
#include <gtest/gtest.h>

#include "sieve-lang/ext/vacation/reply.h"
#include "sieve-lang/testing/script_runner.h"

namespace sieve {
namespace {

constexpr char kMessage[] =
    "From: \"Ann Sender\" <ann@example.org>\r\n"
    "To: bob@example.net\r\n"
    "Subject: Lunch?\r\n"
    "Message-ID: <m1@example.org>\r\n"
    "\r\n"
    "Hi\r\n";

const Envelope kEnvelope{.from = "ann@example.org", .to = "bob@example.net"};

// The vacation action of running `body`, or nothing when there is none (or an error).
std::optional<Action> Vacation(std::string_view body, std::string_view message = kMessage,
                               const Envelope& envelope = kEnvelope, FakeHost* host = nullptr) {
  const Engine& engine = testing::AllExtensionsEngine();
  CompileOutput out =
      engine.Compile("require [\"vacation\", \"vacation-seconds\", \"reject\"];\n" +
                         std::string(body),
                     "test");
  if (!out.program) return std::nullopt;
  mail::Message parsed{std::string(message)};
  FakeHost fallback;
  ExecOutcome outcome = engine.Execute(
      *out.program, {.message = &parsed, .envelope = envelope, .host = host ? host : &fallback});
  for (const Action& a : outcome.actions) {
    if (a.kind == Action::Kind::kVacation) return a;
  }
  return std::nullopt;
}

std::string Reply(std::string_view body, std::string_view message = kMessage,
                  const Envelope& envelope = kEnvelope) {
  std::optional<Action> action = Vacation(body, message, envelope);
  if (!action) return "NO ACTION";
  return action->notification ? action->notification->message : "NO REPLY";
}

std::string Outcome(std::string_view body) {
  return testing::RunScript(testing::AllExtensionsEngine(),
                            "require [\"vacation\", \"reject\"];\n" + std::string(body), kMessage,
                            kEnvelope);
}

TEST(VacationTest, ReplyAnswersTheMessage) {
  std::optional<Action> action = Vacation("vacation \"Away until Monday.\";");
  ASSERT_TRUE(action && action->notification);
  EXPECT_EQ(action->notification->envelope_from, "");  // RFC 5230 §5.1: the null sender
  EXPECT_EQ(action->notification->recipients, std::vector<std::string>{"ann@example.org"});
  mail::Message reply{action->notification->message};
  EXPECT_EQ(reply.headers().GetFirst("subject"), "Auto: Lunch?");
  EXPECT_EQ(reply.headers().GetFirst("to"), "\"Ann Sender\" <ann@example.org>");
  EXPECT_EQ(reply.headers().GetFirst("from"), "<bob@example.net>");
  EXPECT_EQ(reply.headers().GetFirst("in-reply-to"), "<m1@example.org>");
  EXPECT_EQ(reply.headers().GetFirst("references"), "<m1@example.org>");
  EXPECT_EQ(reply.headers().GetFirst("auto-submitted"), "auto-replied (vacation)");
  EXPECT_NE(reply.bytes().find("\r\n\r\nAway until Monday.\r\n"), std::string::npos);
}

TEST(VacationTest, KeepsTheImplicitKeepAndConflictsWithReject) {
  EXPECT_EQ(Outcome("vacation \"x\";"), "vacation ann@example.org | keep");
  EXPECT_EQ(Outcome("vacation \"x\"; reject \"y\";"),
            "RUNTIME ERROR: reject action conflicts with other action: the vacation action "
            "also sends a response to the sender  | keep");
  EXPECT_EQ(Outcome("vacation \"x\"; vacation \"y\";"),
            "RUNTIME ERROR: duplicate vacation action not allowed  | keep");
}

TEST(VacationTest, NoReplyWhereRfc3834ForbidsOne) {
  const std::string body = "Subject: x\r\nTo: bob@example.net\r\n";
  EXPECT_EQ(Reply("vacation \"x\";", kMessage, {.from = "", .to = "bob@example.net"}),
            "NO REPLY");
  EXPECT_EQ(Reply("vacation \"x\";", "Auto-Submitted: auto-replied\r\n" + body + "\r\n"),
            "NO REPLY");
  EXPECT_NE(Reply("vacation \"x\";", "Auto-Submitted: no\r\n" + body + "\r\n"), "NO REPLY");
  EXPECT_EQ(Reply("vacation \"x\";", "Precedence: bulk\r\n" + body + "\r\n"), "NO REPLY");
  EXPECT_EQ(Reply("vacation \"x\";", "List-Id: <l.example.org>\r\n" + body + "\r\n"), "NO REPLY");
  EXPECT_EQ(Reply("vacation \"x\";", kMessage,
                  {.from = "MAILER-DAEMON@example.org", .to = "bob@example.net"}),
            "NO REPLY");
  EXPECT_EQ(Reply("vacation \"x\";", kMessage,
                  {.from = "owner-list@example.org", .to = "bob@example.net"}),
            "NO REPLY");
  // Sent to an alias (RFC 5230 §4.5), unless :addresses names it.
  EXPECT_EQ(Reply("vacation \"x\";", kMessage, {.from = "ann@example.org", .to = "b@x.net"}),
            "NO REPLY");
  EXPECT_NE(Reply("vacation :addresses \"bob@example.net\" \"x\";", kMessage,
                  {.from = "ann@example.org", .to = "b@x.net"}),
            "NO REPLY");
  // Never to oneself (RFC 5230 §4.6).
  EXPECT_EQ(Reply("vacation :addresses \"ann@example.org\" \"x\";"), "NO REPLY");
}

TEST(VacationTest, RepliesAreTrackedPerSenderAndHandle) {
  FakeHost host;
  std::optional<Action> first = Vacation("vacation :days 3 \"x\";", kMessage, kEnvelope, &host);
  ASSERT_TRUE(first && first->duplicate);
  EXPECT_EQ(first->duplicate->expires - host.Now(), std::chrono::days(3));
  host.TrackingMark(first->duplicate->key, first->duplicate->expires);
  EXPECT_FALSE(Vacation("vacation :days 3 \"x\";", kMessage, kEnvelope, &host)->notification);
  // Another reason is another response (RFC 5230 §4.2), as is another :handle.
  EXPECT_TRUE(Vacation("vacation :days 3 \"y\";", kMessage, kEnvelope, &host)->notification);
  host.set_now(host.Now() + std::chrono::days(4));
  EXPECT_TRUE(Vacation("vacation :days 3 \"x\";", kMessage, kEnvelope, &host)->notification);
}

TEST(VacationTest, PeriodsAreClampedToTheConfiguredRange) {
  FakeHost host;
  auto period = [&](std::string_view body) {
    std::optional<Action> a = Vacation(body, kMessage, kEnvelope, &host);
    return a && a->duplicate ? a->duplicate->expires - host.Now()
                             : std::chrono::system_clock::duration::zero();
  };
  EXPECT_EQ(period("vacation \"x\";"), std::chrono::days(7));
  EXPECT_EQ(period("vacation :seconds 120 \"x\";"), std::chrono::days(1));
  host.SetSetting("sieve_vacation_min_period", "1s");
  host.SetSetting("sieve_vacation_max_period", "30d");
  EXPECT_EQ(period("vacation :seconds 120 \"x\";"), std::chrono::seconds(120));
  EXPECT_EQ(period("vacation :days 90 \"x\";"), std::chrono::days(30));
  host.SetSetting("sieve_vacation_min_period", "0");
  EXPECT_EQ(period("vacation :seconds 0 \"x\";"), std::chrono::seconds(0));  // no mark
}

TEST(VacationTest, SubjectFromAndMime) {
  std::string reply = Reply(
      "vacation :subject \"Weg\" :from \"J\xc3\xbcrgen <bob@example.net>\" :mime "
      "\"Content-Type: text/plain\r\n\r\nweg\";");
  mail::Message parsed{reply};
  EXPECT_EQ(parsed.headers().GetFirst("subject"), "Weg");
  EXPECT_EQ(parsed.headers().GetFirst("from"), "=?utf-8?q?J=C3=BCrgen?= <bob@example.net>");
  EXPECT_EQ(parsed.headers().GetFirst("content-type"), "text/plain");
  EXPECT_EQ(ext::TruncateCodepoints("abcdef", 4), "abc\xe2\x80\xa6");
  EXPECT_EQ(ext::TruncateCodepoints("abcd", 4), "abcd");
  ext::VacationSettings settings;
  EXPECT_EQ(ext::DefaultSubject("", settings), "Automated reply");
  settings.default_subject_template = "Re: %$ (away)";
  EXPECT_EQ(ext::DefaultSubject("Hi", settings), "Re: Hi (away)");
}

TEST(VacationTest, CompileErrors) {
  EXPECT_EQ(Outcome("vacation :from \"not an address\" \"x\";"),
            "COMPILE ERROR: 2:1: error: specified :from address 'not an address' is invalid for "
            "vacation action 0:0: error: validation failed");
  EXPECT_EQ(Outcome("vacation :seconds 5 \"x\";"),
            "COMPILE ERROR: 2:10: error: unknown tagged argument ':seconds' for the vacation "
            "command (reported only once at first occurrence) 0:0: error: validation failed");
  EXPECT_EQ(testing::RunScript(testing::AllExtensionsEngine(),
                               "require \"vacation-seconds\";\nvacation :days 1 :seconds 5 \"x\";",
                               kMessage, kEnvelope),
            "COMPILE ERROR: 2:18: error: the :seconds tag cannot be combined with :days in the "
            "vacation command 0:0: error: validation failed");
}

}  // namespace
}  // namespace sieve
