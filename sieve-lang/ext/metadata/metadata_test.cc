// mboxmetadata and servermetadata (RFC 5490 §3.3-§4.2): values come from the host; a missing
// entry, a bad entry name or a mailbox name that is not UTF-8 make the test false.
#include "sieve-lang/ext/metadata/metadata.h"

#include <gtest/gtest.h>

#include "sieve-lang/testing/script_runner.h"

namespace sieve {
namespace {

std::string Outcome(std::string_view test) {
  FakeHost host;
  host.SetMetadata("INBOX", "/private/comment", "Holiday");
  host.SetMetadata("INBOX", "/shared/vendor/example/auto-reply", "on");
  host.SetMetadata("", "/shared/admin", "mailto:admin@example.org");
  std::string script =
      "require [\"mboxmetadata\", \"servermetadata\", \"relational\", \"variables\", "
      "\"encoded-character\"];\nif " +
      std::string(test) + " { discard; }";
  return testing::RunScript(testing::AllExtensionsEngine(), script, "Subject: x\r\n\r\n", {},
                            &host);
}

TEST(MetadataTest, MatchesTheMailboxEntry) {
  EXPECT_EQ(Outcome("metadata \"INBOX\" \"/private/comment\" \"holiday\""), "discard");
  EXPECT_EQ(Outcome("metadata :is :comparator \"i;octet\" \"INBOX\" \"/private/comment\" "
                    "\"holiday\""),
            " | keep");
  EXPECT_EQ(Outcome("metadata :contains \"INBOX\" \"/private/comment\" [\"x\", \"day\"]"),
            "discard");
  EXPECT_EQ(Outcome("metadata \"INBOX\" \"/shared/vendor/example/auto-reply\" \"on\""), "discard");
}

TEST(MetadataTest, NoValueMatchesNothingNotEvenCount) {
  EXPECT_EQ(Outcome("metadata :matches \"INBOX\" \"/private/none\" \"*\""), " | keep");
  EXPECT_EQ(Outcome("metadata :count \"eq\" \"INBOX\" \"/private/none\" \"0\""), " | keep");
  EXPECT_EQ(Outcome("metadata :matches \"Other\" \"/private/comment\" \"*\""), " | keep");
}

TEST(MetadataTest, MailboxThatIsNotUtf8IsFalse) {
  EXPECT_EQ(Outcome("metadata :matches \"${hex:ff}INBOX\" \"/private/comment\" \"*\""), " | keep");
  EXPECT_EQ(Outcome("metadataexists \"${hex:ff}\" \"/private/comment\""), " | keep");
}

TEST(MetadataTest, ExistsNeedsEveryEntry) {
  EXPECT_EQ(Outcome("metadataexists \"INBOX\" \"/private/comment\""), "discard");
  EXPECT_EQ(Outcome("metadataexists \"INBOX\" [\"/private/comment\", "
                    "\"/shared/vendor/example/auto-reply\"]"),
            "discard");
  EXPECT_EQ(Outcome("metadataexists \"INBOX\" [\"/private/comment\", \"/private/none\"]"),
            " | keep");
}

TEST(MetadataTest, ServerEntries) {
  EXPECT_EQ(Outcome("servermetadata :matches \"/shared/admin\" \"mailto:*\""), "discard");
  EXPECT_EQ(Outcome("servermetadata \"/private/comment\" \"holiday\""), " | keep");
  EXPECT_EQ(Outcome("servermetadataexists \"/shared/admin\""), "discard");
  EXPECT_EQ(Outcome("servermetadataexists [\"/shared/admin\", \"/shared/comment\"]"), " | keep");
}

TEST(MetadataTest, InvalidEntryNamesWarnAndAreFalse) {
  const Engine& engine = testing::AllExtensionsEngine();
  CompileOutput out = engine.Compile(
      "require \"mboxmetadata\";\nif metadataexists \"INBOX\" [\"/private/a\", \"/b\"] {}", "test");
  ASSERT_TRUE(out.program.has_value());
  ASSERT_EQ(out.diagnostics.size(), 1u);
  EXPECT_EQ(out.diagnostics[0].severity, Diagnostic::Severity::kWarning);
  EXPECT_NE(out.diagnostics[0].message.find("'/b' is invalid"), std::string::npos);
  EXPECT_EQ(Outcome("metadata :matches \"INBOX\" \"private/comment\" \"*\""), " | keep");
}

TEST(MetadataTest, SignatureErrors) {
  EXPECT_TRUE(Outcome("metadata \"/private/comment\" \"x\"").starts_with("COMPILE ERROR"));
  EXPECT_TRUE(
      Outcome("servermetadataexists \"INBOX\" \"/private/x\"").starts_with("COMPILE ERROR"));
  EXPECT_TRUE(Outcome("metadataexists 23 \"/private/x\"").starts_with("COMPILE ERROR"));
}

TEST(MetadataTest, EntryNameRules) {
  EXPECT_EQ(ext::CheckEntryName("/private/comment"), std::nullopt);
  EXPECT_EQ(ext::CheckEntryName("/SHARED/Comment"), std::nullopt);
  EXPECT_EQ(ext::CheckEntryName("/private/vendor/isode/auto-replies"), std::nullopt);
  EXPECT_NE(ext::CheckEntryName("/private/vendor/isode"), std::nullopt);
  EXPECT_NE(ext::CheckEntryName("/comment"), std::nullopt);
  EXPECT_NE(ext::CheckEntryName("comment"), std::nullopt);
  EXPECT_NE(ext::CheckEntryName("/private/a//b"), std::nullopt);
  EXPECT_NE(ext::CheckEntryName("/private/a/"), std::nullopt);
  EXPECT_NE(ext::CheckEntryName("/private/a*"), std::nullopt);
  EXPECT_NE(ext::CheckEntryName("/private/a%"), std::nullopt);
  EXPECT_NE(ext::CheckEntryName("/private/\xc3\xa9"), std::nullopt);
  EXPECT_NE(ext::CheckEntryName("/private/a\tb"), std::nullopt);
}

}  // namespace
}  // namespace sieve
