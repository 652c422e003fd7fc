#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>
#include <stdlib.h>

#include "config/config.h"
#include "config/limits.h"

namespace config {
namespace {

// A scratch directory removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "roost-config-XXXXXX").string();
    path_ = ::mkdtemp(tmpl.data()) != nullptr ? tmpl : "";
  }
  ~TempDir() {
    std::error_code ignored;  // best effort: a leftover temp dir must not fail a test
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  // Writes `text` to `name` (creating parent directories) and returns the full path.
  std::string Write(const std::string& name, std::string_view text) const {
    std::filesystem::path full = std::filesystem::path(path_) / name;
    std::filesystem::create_directories(full.parent_path());
    std::ofstream(full) << text;
    return full.string();
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

Config Parse(std::string_view text) {
  auto config = ParseString(text, "test.conf");
  EXPECT_TRUE(config.has_value()) << config.error().message();
  return config.value_or(Config{});
}

std::string ErrorOf(std::string_view text) {
  auto config = ParseString(text, "dovecot.conf");
  EXPECT_FALSE(config.has_value());
  return config ? "" : config.error().message();
}

TEST(ParserTest, SettingsKeepOrderFileAndLine) {
  Config c = Parse("# c\nprotocols = imap lmtp\n\nlisten = *\nprotocols = lmtp\n");
  ASSERT_EQ(c.root.settings.size(), 3u);
  EXPECT_EQ(c.root.settings[0].key, "protocols");
  EXPECT_EQ(c.root.settings[0].line, 2);
  EXPECT_EQ(c.root.settings[0].file, "test.conf");
  EXPECT_EQ(c.root.settings[1].key, "listen");
  EXPECT_EQ(c.root.settings[1].line, 4);
  EXPECT_EQ(c.root.Find("protocols")->value, "lmtp");  // later wins
  EXPECT_EQ(c.root.Find("protocols")->line, 5);
}

TEST(ParserTest, NestedSections) {
  Config c = Parse(
      "service lmtp {\n"
      "  inet_listener lmtp {\n"
      "    port = 24\n"
      "  }\n"
      "  user = vmail\n"
      "}\n"
      "protocol lda {\n"
      "}\n"
      "plugin {\n"
      "  sieve = ~/.dovecot.sieve\n"
      "}\n");
  ASSERT_EQ(c.root.children.size(), 3u);
  const Section* lmtp = c.root.FindSection("service", "lmtp");
  ASSERT_NE(lmtp, nullptr);
  EXPECT_EQ(lmtp->line, 1);
  EXPECT_EQ(lmtp->Find("user")->value, "vmail");
  const Section* listener = lmtp->FindSection("inet_listener", "lmtp");
  ASSERT_NE(listener, nullptr);
  EXPECT_EQ(listener->Find("port")->value, "24");
  EXPECT_EQ(listener->Find("port")->line, 3);
  EXPECT_NE(c.root.FindSection("protocol", "lda"), nullptr);
  EXPECT_EQ(c.root.FindSection("protocol", "imap"), nullptr);
  EXPECT_EQ(c.root.FindSection("plugin")->Find("sieve")->value, "~/.dovecot.sieve");
}

TEST(ParserTest, QuotedAndContinuedValues) {
  Config c = Parse(
      "a = \"with # hash\"\n"
      "b = 'lit\\eral'\n"
      "c =\n"
      "d = one \\\n"
      "    two\n");
  EXPECT_EQ(c.root.Find("a")->value, "with # hash");
  EXPECT_EQ(c.root.Find("b")->value, "lit\\eral");
  EXPECT_EQ(c.root.Find("c")->value, "");
  EXPECT_EQ(c.root.Find("d")->value, "one two");
  EXPECT_EQ(c.root.Find("d")->line, 4);
}

TEST(ParserTest, VariablesReferToEarlierSettings) {
  Config c = Parse(
      "protocols = imap\n"
      "protocols = $protocols sieve\n"
      "mail_plugins = quota\n"
      "protocol lda {\n"
      "  mail_plugins = $mail_plugins sieve\n"
      "  x = $unset|$|cost $5\n"
      "  q = \"$mail_plugins\"\n"
      "}\n");
  EXPECT_EQ(c.root.Find("protocols")->value, "imap sieve");
  const Section* lda = c.root.FindSection("protocol", "lda");
  EXPECT_EQ(lda->Find("mail_plugins")->value, "quota sieve");
  // Unset names expand to nothing; a lone `$` stays; `$5` names setting "5" (unset).
  EXPECT_EQ(lda->Find("x")->value, "|$|cost ");
  // Quoted values are literal, as in Dovecot.
  EXPECT_EQ(lda->Find("q")->value, "$mail_plugins");
}

TEST(ParserTest, VariableExpansionIsBounded) {
  std::string text = "a = " + std::string(1000, 'x') + "\n";
  for (int i = 0; i < 12; ++i) text += "a = $a$a\n";
  EXPECT_EQ(ErrorOf(text),
            "dovecot.conf:12: Value too long after $variable expansion (limit 1048576)");
}

TEST(ParserTest, SyntaxErrorsNameFileAndLine) {
  EXPECT_EQ(ErrorOf("a = 1\n\nssl_cert /x\n"), "dovecot.conf:3: Expecting '='");
  EXPECT_EQ(ErrorOf("a = 1\n}\n"), "dovecot.conf:2: Unexpected '}'");
  EXPECT_EQ(ErrorOf("service imap {\n  port = 1\n"),
            "dovecot.conf:1: Missing '}' for section 'service imap'");
  EXPECT_EQ(ErrorOf("plugin { sieve = x }\n"), "dovecot.conf:1: Garbage after '{'");
  EXPECT_EQ(ErrorOf("\n\na = \"x\n"), "dovecot.conf:3: Missing closing \"");
  auto status = ParseString("x y z {", "dovecot.conf");
  ASSERT_FALSE(status.has_value());
  EXPECT_EQ(status.error().code(), base::Status::Code::kInvalidArgument);
}

TEST(ParserTest, SectionDepthIsLimited) {
  std::string text;
  for (int i = 0; i <= kMaxSectionDepth; ++i) text += "s {\n";
  EXPECT_EQ(ErrorOf(text), "dovecot.conf:33: Sections nested too deeply (limit 32)");
}

TEST(ParserTest, IncludesAreRelativeToTheIncludingFile) {
  TempDir dir;
  dir.Write("conf.d/10-a.conf", "a = 1\nplugin {\n  sieve = x\n}\n");
  dir.Write("conf.d/20-b.conf", "b = $a 2\n!include ../extra/c.inc\n");
  dir.Write("extra/c.inc", "c = 3\n");
  std::string main = dir.Write("dovecot.conf",
                               "first = 0\n!include conf.d/*.conf\n"
                               "!include_try local.conf\n!include_try none-*.conf\nlast = 4\n");
  auto c = ParseFile(main);
  ASSERT_TRUE(c.has_value()) << c.error().message();
  const auto& s = c->root.settings;
  ASSERT_EQ(s.size(), 5u);
  EXPECT_EQ(s[0].key, "first");
  EXPECT_EQ(s[1].key, "a");
  EXPECT_EQ(s[1].file, dir.path() + "/conf.d/10-a.conf");
  EXPECT_EQ(s[1].line, 1);
  EXPECT_EQ(s[2].value, "1 2");
  EXPECT_EQ(s[3].key, "c");
  EXPECT_EQ(s[3].file, dir.path() + "/conf.d/../extra/c.inc");
  EXPECT_EQ(s[4].key, "last");
  EXPECT_EQ(c->root.FindSection("plugin")->Find("sieve")->line, 3);
  EXPECT_EQ(c->files.size(), 4u);
  EXPECT_EQ(c->files[0], main);
}

TEST(ParserTest, IncludeInsideSection) {
  TempDir dir;
  dir.Write("inner.conf", "port = 24\n");
  std::string main = dir.Write("d.conf", "service lmtp {\n  !include inner.conf\n}\n");
  auto c = ParseFile(main);
  ASSERT_TRUE(c.has_value()) << c.error().message();
  EXPECT_EQ(c->root.FindSection("service", "lmtp")->Find("port")->value, "24");
}

TEST(ParserTest, IncludeErrors) {
  TempDir dir;
  std::string missing = dir.Write("missing.conf", "\n!include nothere.conf\n");
  auto c = ParseFile(missing);
  ASSERT_FALSE(c.has_value());
  EXPECT_EQ(c.error().code(), base::Status::Code::kNotFound);
  EXPECT_EQ(c.error().message(), missing + ":2: !include nothere.conf: open " + dir.path() +
                                     "/nothere.conf: No such file or directory");

  std::string nomatch = dir.Write("nomatch.conf", "!include none/*.conf\n");
  c = ParseFile(nomatch);
  ASSERT_FALSE(c.has_value());
  EXPECT_EQ(c.error().message(), nomatch + ":1: !include none/*.conf: No matches");

  // Errors inside an included file name that file, and a file must close its own sections.
  std::string bad = dir.Write("bad.inc", "ok = 1\nservice x {\n");
  std::string outer = dir.Write("outer.conf", "!include bad.inc\n}\n");
  c = ParseFile(outer);
  ASSERT_FALSE(c.has_value());
  EXPECT_EQ(c.error().message(), bad + ":2: Missing '}' for section 'service x'");
}

TEST(ParserTest, RecursiveIncludeIsAnError) {
  TempDir dir;
  std::string a = dir.Write("a.conf", "!include b.conf\n");
  std::string b = dir.Write("b.conf", "x = 1\n!include a.conf\n");
  auto c = ParseFile(a);
  ASSERT_FALSE(c.has_value());
  EXPECT_EQ(c.error().message(), b + ":2: Recursive include of " + a);
}

TEST(ParserTest, IncludeDepthIsLimited) {
  TempDir dir;
  // Distinct names, so only the depth limit can stop the chain.
  for (int i = 0; i <= kMaxIncludeDepth + 1; ++i) {
    dir.Write("f" + std::to_string(i) + ".conf", "!include f" + std::to_string(i + 1) + ".conf\n");
  }
  auto c = ParseFile(dir.path() + "/f0.conf");
  ASSERT_FALSE(c.has_value());
  EXPECT_EQ(c.error().message(), dir.path() + "/f16.conf:1: Includes nested too deeply (limit 16)");
}

TEST(ParserTest, FileValuesAreReadAndTrimmed) {
  TempDir dir;
  dir.Write("secret.txt", "  s3cret\n\n");
  std::string main = dir.Write("d.conf", "plugin {\n  pw = <secret.txt\n}\nmissing = </nope/x\n");
  auto c = ParseFile(main);
  ASSERT_FALSE(c.has_value());
  EXPECT_EQ(c.error().message(), main + ":4: missing: open /nope/x: No such file or directory");

  main = dir.Write("d.conf", "plugin {\n  pw = <secret.txt\n}\n");
  c = ParseFile(main);
  ASSERT_TRUE(c.has_value()) << c.error().message();
  const Setting* pw = c->root.FindSection("plugin")->Find("pw");
  EXPECT_EQ(pw->value, "s3cret");
  EXPECT_EQ(pw->value_file, dir.path() + "/secret.txt");
  EXPECT_EQ(c->files.back(), dir.path() + "/secret.txt");
}

TEST(ParserTest, FileValuesCanBeDeferred) {
  auto c = ParseString("ssl_cert = </etc/ssl/x.pem\n", "d.conf", {.read_value_files = false});
  ASSERT_TRUE(c.has_value()) << c.error().message();
  EXPECT_EQ(c->root.Find("ssl_cert")->value, "</etc/ssl/x.pem");
  EXPECT_EQ(c->root.Find("ssl_cert")->value_file, "/etc/ssl/x.pem");
}

// An in-memory FileSource: include resolution without touching the disk.
class MapFiles : public FileSource {
 public:
  std::map<std::string, std::string> files;
  base::Result<std::string> Read(const std::string& path) const override {
    auto it = files.find(path);
    if (it == files.end()) return base::Err(base::Status::NotFound("no " + path));
    return it->second;
  }
  base::Result<std::vector<std::string>> Glob(const std::string&) const override {
    return base::Err(base::Status::Unsupported("no globs"));
  }
};

TEST(ParserTest, FileSourceIsPluggable) {
  MapFiles files;
  files.files["/etc/roost/roost.conf"] = "!include conf.d/a.conf\n";
  files.files["/etc/roost/conf.d/a.conf"] = "k = <../v.txt\n";
  files.files["/etc/roost/conf.d/../v.txt"] = "value\n";
  auto c = ParseFile("/etc/roost/roost.conf", {.files = &files});
  ASSERT_TRUE(c.has_value()) << c.error().message();
  EXPECT_EQ(c->root.Find("k")->value, "value");
  EXPECT_EQ(c->root.Find("k")->value_file, "/etc/roost/conf.d/../v.txt");
}

constexpr char kExampleConfig[] = "/work/shared/docs/dovecot-2.3-example-config/dovecot.conf";

TEST(ParserTest, DovecotExampleConfigParses) {
  if (!std::filesystem::exists(kExampleConfig)) GTEST_SKIP() << kExampleConfig << " not present";
  // ssl_cert = </etc/dovecot/private/... names files this machine need not have; Dovecot
  // itself reads them only when SSL is used.
  auto c = ParseFile(kExampleConfig, {.read_value_files = false});
  ASSERT_TRUE(c.has_value()) << c.error().message();
  EXPECT_GT(c->files.size(), 10u);  // conf.d/*.conf and auth-system.conf.ext came in
  // 10-mail.conf and 15-mailboxes.conf both open `namespace inbox`; blocks stay separate.
  auto inboxes = c->root.FindSections("namespace", "inbox");
  ASSERT_EQ(inboxes.size(), 2u);
  ASSERT_NE(inboxes[1]->FindSection("mailbox", "Sent Messages"), nullptr);
  EXPECT_EQ(c->Find("namespace/inbox/mailbox/Drafts/special_use")->value, "\\Drafts");
  EXPECT_EQ(c->Find("namespace/inbox/inbox")->value, "yes");
  EXPECT_NE(c->root.FindSection("service", "lmtp"), nullptr);
  EXPECT_EQ(c->root.Find("ssl_cert")->value, "</etc/dovecot/private/dovecot.pem");
  EXPECT_NE(c->root.FindSection("passdb"), nullptr);
}

}  // namespace
}  // namespace config
