// editheader (RFC 5293): the header edits on raw messages, the commands' checks, later tests
// seeing the edits, each action keeping the version it was added with, and the policy (§6).
#include "sieve-lang/ext/editheader/editheader.h"

#include <gtest/gtest.h>

#include "sieve-lang/testing/script_runner.h"

namespace sieve {
namespace {

constexpr char kMessage[] =
    "Received: from x by y\r\n"
    "Subject: Frop!\r\n"
    "X-A: one\r\n"
    "X-A: two\r\n"
    "  folded\r\n"
    "X-A: three\r\n"
    "\r\n"
    "Body\r\n";

struct EditRun {
  ExecOutcome outcome;
  std::string final_message;  // what the implicit keep stores
};

EditRun Execute(std::string_view body, FakeHost* host = nullptr) {
  const Engine& engine = testing::AllExtensionsEngine();
  CompileOutput out = engine.Compile(
      "require [\"editheader\", \"variables\", \"fileinto\", \"index\", "
      "\"encoded-character\"];\n" +
          std::string(body),
      "test");
  EXPECT_TRUE(out.program.has_value()) << FormatShort(out.diagnostics.front());
  if (!out.program) return {};
  mail::Message message{std::string(kMessage)};
  FakeHost default_host;
  ExecInput input{.message = &message, .host = host ? host : &default_host};
  EditRun run{engine.Execute(*out.program, input), kMessage};
  if (run.outcome.edited_message) run.final_message = run.outcome.edited_message->bytes();
  return run;
}

std::string CompileErrors(std::string_view body) {
  CompileOutput out = testing::AllExtensionsEngine().Compile(
      "require [\"editheader\", \"variables\"];\n" + std::string(body), "test");
  std::string text;
  for (const Diagnostic& d : out.diagnostics) {
    // The last error is the summary ("validation failed").
    if (d.severity == Diagnostic::Severity::kError && d.message != "validation failed") {
      text += d.message + "\n";
    }
  }
  return text;
}

TEST(EditheaderTest, SplitAndJoinKeepTheMessage) {
  ext::RawHeader header = ext::SplitHeader(kMessage);
  ASSERT_EQ(header.fields.size(), 5u);
  EXPECT_EQ(header.fields[3], "X-A: two\r\n  folded\r\n");
  EXPECT_EQ(ext::FieldName(header.fields[3]), "X-A");
  EXPECT_EQ(ext::FieldValue(header.fields[3]), "two  folded");
  EXPECT_EQ(header.eol, "\r\n");
  EXPECT_EQ(ext::JoinHeader(header.fields, header.rest, header.eol), kMessage);
  // No header at all: a field added later still gets a separator before the body.
  ext::RawHeader none = ext::SplitHeader("just body\n");
  EXPECT_TRUE(none.fields.empty());
  EXPECT_EQ(none.eol, "\n");
  EXPECT_EQ(ext::JoinHeader({"X: y\n"}, none.rest, none.eol), "X: y\n\njust body\n");
}

TEST(EditheaderTest, FieldValues) {
  EXPECT_TRUE(ext::IsValidFieldValue("Frop\nFrml\tx"));
  EXPECT_FALSE(ext::IsValidFieldValue("Yeah\x07!"));
  EXPECT_FALSE(ext::IsValidFieldValue(std::string("Woah\0!", 6)));
  EXPECT_FALSE(ext::IsValidFieldValue("\xff"));
}

TEST(EditheaderTest, FormatFieldFoldsAndEncodes) {
  EXPECT_EQ(ext::FormatField("X", "a\n b\nc\n", "\r\n"), "X: a b c\r\n");
  std::string long_value;
  for (int i = 0; i < 30; ++i) long_value += "word ";
  std::string field = ext::FormatField("X-Long", long_value, "\n");
  size_t start = 0;
  while (start < field.size()) {
    size_t end = field.find('\n', start);
    EXPECT_LE(end - start, 78u);
    start = end + 1;
  }
  EXPECT_EQ(mail::HeaderList::Parse(field).fields()[0].value,
            long_value.substr(0, long_value.size() - 1));
  EXPECT_EQ(ext::FormatField("C", "\xd0\xad\xd1\x82\xd0\xbe!", "\n"),
            "C: =?utf-8?q?=D0=AD=D1=82=D0=BE!?=\n");
}

TEST(EditheaderTest, LaterTestsSeeTheEdits) {
  EditRun run = Execute(
      "addheader \"X-New\" \"v\";"
      "if header :is \"x-new\" \"v\" { fileinto \"seen\"; }"
      "deleteheader \"subject\";"
      "if not exists \"subject\" { fileinto \"gone\"; }");
  ASSERT_FALSE(run.outcome.error);
  ASSERT_EQ(run.outcome.actions.size(), 2u);
  EXPECT_EQ(run.outcome.actions[0].target, "seen");
  EXPECT_EQ(run.outcome.actions[1].target, "gone");
  EXPECT_EQ(run.final_message.substr(0, 9), "X-New: v\r");
}

TEST(EditheaderTest, ActionsKeepTheVersionTheyWereAddedWith) {
  EditRun run = Execute(
      "fileinto \"original\";"
      "addheader :last \"X-New\" \"v\";"
      "fileinto \"added\";"
      "deleteheader \"x-new\";"
      "keep;");
  ASSERT_EQ(run.outcome.actions.size(), 3u);
  EXPECT_EQ(run.outcome.actions[0].message, nullptr);
  ASSERT_NE(run.outcome.actions[1].message, nullptr);
  EXPECT_NE(run.outcome.actions[1].message->bytes().find("X-A: three\r\nX-New: v\r\n\r\n"),
            std::string::npos);
  ASSERT_NE(run.outcome.actions[2].message, nullptr);
  EXPECT_EQ(run.outcome.actions[2].message->bytes(), kMessage);
}

TEST(EditheaderTest, DeleteheaderIndexAndPatterns) {
  // RFC 5293 §7: the second delete counts in the already edited header.
  EditRun run = Execute("deleteheader :index 1 \"X-A\"; deleteheader :index 2 \"X-A\";");
  EXPECT_EQ(run.final_message.find("X-A: one"), std::string::npos);
  EXPECT_NE(run.final_message.find("X-A: two"), std::string::npos);
  EXPECT_EQ(run.final_message.find("X-A: three"), std::string::npos);
  run = Execute("deleteheader :index 1 :last :contains \"x-a\" \"thr\";");
  EXPECT_EQ(run.final_message.find("three"), std::string::npos);
  EXPECT_NE(run.final_message.find("X-A: one"), std::string::npos);
  run = Execute("deleteheader :index 1 :contains \"x-a\" \"two\";");  // first is "one"
  EXPECT_EQ(run.outcome.edited_message, nullptr);
  run = Execute("deleteheader :matches \"x-a\" [\"t*\"];");
  EXPECT_EQ(run.final_message.find("X-A: t"), std::string::npos);
  EXPECT_NE(run.final_message.find("X-A: one"), std::string::npos);
  // RFC 5293 §7: adding and deleting leaves the message as it was.
  run = Execute("addheader \"X-Hello\" \"World\"; deleteheader :index 1 \"X-Hello\";");
  EXPECT_EQ(run.final_message, kMessage);
}

TEST(EditheaderTest, ProtectedFieldsAreSilentlyKept) {
  EditRun run = Execute("deleteheader \"received\"; deleteheader \"subject\";");
  EXPECT_NE(run.final_message.find("Received:"), std::string::npos);
  EXPECT_EQ(run.final_message.find("Subject:"), std::string::npos);
  FakeHost host;
  host.SetSetting("sieve_editheader_header", "xa");
  host.SetSetting("sieve_editheader_header/xa/name", "X-A");
  host.SetSetting("sieve_editheader_header/xa/forbid_delete", "yes");
  host.SetSetting("sieve_editheader_protected", "X-B");
  run = Execute("deleteheader \"x-a\"; addheader \"x-b\" \"1\"; addheader \"x-a\" \"4\";", &host);
  ASSERT_FALSE(run.outcome.error);
  EXPECT_NE(run.final_message.find("X-A: one"), std::string::npos);
  EXPECT_EQ(run.final_message.find("x-b:"), std::string::npos);
  EXPECT_NE(run.final_message.find("x-a: 4"), std::string::npos);
}

TEST(EditheaderTest, RuntimeErrorsKeepTheOriginal) {
  EditRun run =
      Execute("set \"h\" \"X-field:\"; addheader \"X-Ok\" \"1\"; addheader \"${h}\" \"v\";");
  ASSERT_TRUE(run.outcome.error);
  EXPECT_EQ(run.outcome.error->message,
            "addheader action: specified field name `X-field:' is invalid");
  EXPECT_EQ(run.outcome.edited_message, nullptr);
  run = Execute("set \"v\" \"${hex:07}\"; addheader \"X\" \"a${v}\";");
  ASSERT_TRUE(run.outcome.error);
}

TEST(EditheaderTest, CompileErrors) {
  EXPECT_EQ(CompileErrors("addheader \"X-field:\" \"Frop\";"),
            "addheader command: specified field name `X-field:' is invalid\n");
  EXPECT_EQ(CompileErrors("addheader \"X\" \"Yeah\x07!\";"),
            "addheader command: specified value `Yeah?!' is invalid\n");
  EXPECT_EQ(CompileErrors("deleteheader :last \"X-field:\";"),
            "the :last tag for the deleteheader command cannot be specified without the "
            ":index tag\n");
  EXPECT_EQ(CompileErrors("deleteheader \"X field\";"),
            "deleteheader command: specified field name `X field' is invalid\n");
  EXPECT_EQ(CompileErrors("set \"n\" \"X\"; addheader \"${n}\" \"v\"; deleteheader :is \"x\";"),
            "");
  EXPECT_EQ(CompileErrors("addheader \"X\" \"" + std::string(2049, 'a') + "\";").substr(0, 50),
            "addheader command: specified header value `aaaaaaa");
}

}  // namespace
}  // namespace sieve
