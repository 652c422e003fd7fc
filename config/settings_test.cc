#include "config/settings.h"

#include <gtest/gtest.h>

namespace config {
namespace {

using std::chrono::milliseconds;

// Parses and builds `text`; fails the test on a parse error, returns Build's result.
base::Result<Settings> Build(std::string_view text, std::vector<std::string>* warnings = nullptr) {
  auto parsed = ParseString(text, "t.conf");
  EXPECT_TRUE(parsed.has_value()) << parsed.error().message();
  if (!parsed) return base::Err(parsed.error());
  return Settings::Build(std::move(*parsed), warnings);
}

std::string ErrorOf(std::string_view text) {
  auto built = Build(text);
  return built ? "<built>" : built.error().message();
}

TEST(SettingsTest, TypedGettersWithDefaults) {
  auto s = Build(
      "auth_cache_ttl = 2 mins\n"
      "default_vsz_limit = 1G\n"
      "protocols = imap pop3\n"
      "plugin {\n  sieve_max_actions = 10\n}\n");
  ASSERT_TRUE(s.has_value()) << s.error().message();
  EXPECT_EQ(s->Get("auth_cache_ttl"), "2 mins");
  EXPECT_EQ(s->GetTime("auth_cache_ttl").value_or(milliseconds(0)), milliseconds(120'000));
  EXPECT_EQ(s->GetSize("default_vsz_limit").value_or(0), uint64_t{1} << 30);
  EXPECT_EQ(s->GetList("protocols"), (std::vector<std::string>{"imap", "pop3"}));
  EXPECT_EQ(s->GetUint("plugin/sieve_max_actions").value_or(0), 10u);
  // Unset: Dovecot's default.
  EXPECT_FALSE(s->IsSet("disable_plaintext_auth"));
  EXPECT_EQ(s->Get("disable_plaintext_auth"), "yes");
  EXPECT_EQ(s->GetBool("disable_plaintext_auth").value_or(false), true);
  EXPECT_EQ(s->GetUint("auth_cache_size").value_or(1), 0u);
  EXPECT_EQ(s->GetTime("auth_failure_delay").value_or(milliseconds(0)), milliseconds(2'000));
  EXPECT_EQ(s->GetUint("plugin/sieve_max_redirects").value_or(0), 4u);
  EXPECT_EQ(s->Get("service/lmtp/client_limit"), "0");
  EXPECT_EQ(s->Get("namespace/inbox/mailbox/Junk/auto"), "no");
  // Neither set nor known: NotFound, and "" from Get.
  EXPECT_EQ(s->Get("plugin/no_such_plugin_setting"), "");
  EXPECT_EQ(s->GetBool("plugin/no_such_plugin_setting").error().code(),
            base::Status::Code::kNotFound);
}

TEST(SettingsTest, GetForFollowsProtocolFilters) {
  auto s = Build(
      "mail_plugins = quota\n"
      "protocol lmtp {\n  mail_plugins = $mail_plugins sieve\n"
      "  plugin {\n    sieve = ~/lmtp.sieve\n  }\n}\n"
      "plugin {\n  sieve = ~/.dovecot.sieve\n}\n");
  ASSERT_TRUE(s.has_value()) << s.error().message();
  EXPECT_EQ(s->GetFor("lmtp", "mail_plugins"), "quota sieve");
  EXPECT_EQ(s->GetFor("imap", "mail_plugins"), "quota");
  EXPECT_EQ(s->GetFor("lmtp", "plugin/sieve"), "~/lmtp.sieve");
  EXPECT_EQ(s->GetFor("imap", "plugin/sieve"), "~/.dovecot.sieve");
  EXPECT_EQ(s->GetFor("imap", "imap_idle_notify_interval"), "2 mins");
}

TEST(SettingsTest, UnknownSettingsAreWarningsWithFileAndLine) {
  std::vector<std::string> warnings;
  auto s = Build(
      "protocols = imap\n"
      "frobnicate = 1\n"
      "service imap {\n  also_unknown = 2\n}\n"
      "plugin {\n  anything_goes = 3\n}\n"
      "dict {\n  quota = mysql:/etc/dovecot/dict.conf\n}\n"
      "weird_section {\n  x = 1\n}\n",
      &warnings);
  ASSERT_TRUE(s.has_value()) << s.error().message();
  EXPECT_EQ(warnings, (std::vector<std::string>{"t.conf:2: Unknown setting: frobnicate",
                                                "t.conf:4: Unknown setting: also_unknown",
                                                "t.conf:12: Unknown section: weird_section"}));
}

TEST(SettingsTest, WrongTypesAreErrorsWithFileAndLine) {
  EXPECT_EQ(ErrorOf("protocols = imap\ndisable_plaintext_auth = maybe\n"),
            "t.conf:2: disable_plaintext_auth: Invalid boolean value: maybe (use yes or no)");
  EXPECT_EQ(ErrorOf("default_vsz_limit = lots\n"),
            "t.conf:1: default_vsz_limit: Invalid size: lots");
  EXPECT_EQ(ErrorOf("auth_cache_ttl = forever\n"),
            "t.conf:1: auth_cache_ttl: Invalid time interval: forever");
  EXPECT_EQ(ErrorOf("first_valid_uid = 1k\n"),
            "t.conf:1: first_valid_uid: Invalid number 1k: Not a valid number");
  EXPECT_EQ(ErrorOf("ssl = maybe\n"),
            "t.conf:1: ssl: Invalid value: maybe (use one of: yes, no, required)");
  EXPECT_EQ(ErrorOf("service imap-login {\n  inet_listener imap {\n    port = 99999\n  }\n}\n"),
            "t.conf:3: port: Invalid number 99999: Number too large (maximum 65535)");
  EXPECT_EQ(ErrorOf("plugin {\n  sieve_max_script_size = big\n}\n"),
            "t.conf:2: sieve_max_script_size: Invalid size: big");
  EXPECT_EQ(ErrorOf("protocol lmtp {\n  lmtp_proxy = perhaps\n}\n"),
            "t.conf:2: lmtp_proxy: Invalid boolean value: perhaps (use yes or no)");
}

TEST(SettingsTest, UnsupportedValuesAreErrors) {
  EXPECT_EQ(ErrorOf("mail_location = mbox:~/mail\n"),
            "t.conf:1: mail_location format 'mbox' is not supported by Roost (supported: "
            "maildir)");
  EXPECT_EQ(ErrorOf("\npassdb {\n  driver = pam\n}\n"),
            "t.conf:3: passdb driver 'pam' is not supported by Roost (supported: passwd-file, "
            "sql, static)");
  EXPECT_EQ(ErrorOf("userdb {\n  driver = ldap\n  args = /etc/ldap.conf\n}\n"),
            "t.conf:2: userdb driver 'ldap' is not supported by Roost (supported: passwd-file, "
            "sql, static, prefetch)");
  EXPECT_EQ(ErrorOf("auth_mechanisms = plain digest-md5\n"),
            "t.conf:1: auth mechanism 'digest-md5' is not supported by Roost (supported: plain, "
            "login, cram-md5, scram-sha-1, scram-sha-256)");
  EXPECT_EQ(ErrorOf("protocols = imap submission\n"),
            "t.conf:1: protocol 'submission' is not supported by Roost (supported: imap, pop3, "
            "lmtp, sieve, none)");
  EXPECT_EQ(ErrorOf("protocol imap {\n  mail_location = mdbox:~/mdbox\n}\n"),
            "t.conf:2: mail_location format 'mdbox' is not supported by Roost (supported: "
            "maildir)");
  EXPECT_EQ(ErrorOf("namespace inbox {\n  location = sdbox:~/x\n}\n"),
            "t.conf:2: namespace location format 'sdbox' is not supported by Roost (supported: "
            "maildir)");
  // Supported and empty values pass.
  EXPECT_EQ(ErrorOf("mail_location = maildir:~/Maildir:LAYOUT=fs\nprotocols = none\n"
                    "auth_mechanisms = PLAIN LOGIN CRAM-MD5 scram-sha-256\n"
                    "passdb {\n  driver = passwd-file\n}\nuserdb {\n  driver = prefetch\n}\n"),
            "<built>");
}

TEST(SettingsTest, SectionsWhereDovecotAllowsNone) {
  EXPECT_EQ(ErrorOf("protocol imap {\n  service imap {\n  }\n}\n"),
            "t.conf:2: Section service is not allowed inside protocol");
  EXPECT_EQ(ErrorOf("mailbox Junk {\n}\n"),
            "t.conf:1: Section mailbox is not allowed at the top level");
  EXPECT_EQ(ErrorOf("passdb {\n  args = /etc/x\n}\n"), "t.conf:1: passdb is missing driver");
}

TEST(SettingsTest, OverridesAreValidatedToo) {
  auto parsed = ParseString("protocols = imap\n", "t.conf");
  ASSERT_TRUE(parsed.has_value());
  ASSERT_TRUE(ApplyOverride(*parsed, "disable_plaintext_auth=sometimes").ok());
  auto built = Settings::Build(std::move(*parsed), nullptr);
  ASSERT_FALSE(built.has_value());
  EXPECT_EQ(built.error().message().find("disable_plaintext_auth: Invalid boolean value"),
            built.error().message().find(": ") + 2);
}

TEST(SettingsTest, UnreadValueFilesAreNotTypeChecked) {
  auto parsed = ParseString("ssl_cert = </nonexistent.pem\nmail_debug = </nonexistent\n", "t.conf",
                            {.read_value_files = false});
  ASSERT_TRUE(parsed.has_value()) << parsed.error().message();
  EXPECT_TRUE(Settings::Build(std::move(*parsed), nullptr).has_value());
}

TEST(SettingsTest, EmbeddedDefaultLoadsCleanly) {
  auto config = LoadEmbeddedDefault("/tmp/roost-state");
  ASSERT_TRUE(config.has_value()) << config.error().message();
  std::vector<std::string> warnings;
  auto s = Settings::Build(std::move(*config), &warnings);
  ASSERT_TRUE(s.has_value()) << s.error().message();
  EXPECT_TRUE(warnings.empty()) << warnings.front();
  EXPECT_EQ(s->GetList("protocols"), (std::vector<std::string>{"imap", "pop3", "lmtp", "sieve"}));
  EXPECT_EQ(s->Get("listen"), "127.0.0.1");
  EXPECT_EQ(s->Get("mail_location"), "maildir:~/Maildir");
  EXPECT_EQ(s->Get("passdb/driver"), "passwd-file");
  EXPECT_EQ(s->Get("passdb/args"), "/tmp/roost-state/users");
  EXPECT_EQ(s->Get("service/imap-login/inet_listener/imap/port"), "10143");
  EXPECT_EQ(s->config().root.settings.front().file, kEmbeddedDefaultName);
}

TEST(DumpTest, ChangedOmitsDefaultsAtTopLevelOnly) {
  auto s = Build(
      "disable_plaintext_auth = yes\n"
      "auth_cache_ttl = 1h\n"
      "auth_mechanisms = plain login\n"
      "namespace inbox {\n  inbox = yes\n  mailbox Junk {\n    auto = no\n  }\n}\n"
      "protocol lmtp {\n  disable_plaintext_auth = yes\n}\n"
      "passdb {\n  driver = sql\n}\n"
      "plugin {\n  sieve = a\n}\nplugin {\n  sieve_dir = b\n}\n");
  ASSERT_TRUE(s.has_value()) << s.error().message();
  EXPECT_EQ(Dump(*s, DumpScope::kChanged),
            "auth_mechanisms = plain login\n"
            "namespace inbox {\n  inbox = yes\n  location = \n  mailbox Junk {\n    auto = no\n"
            "  }\n  prefix = \n}\n"
            "passdb {\n  driver = sql\n}\n"
            "plugin {\n  sieve = a\n  sieve_dir = b\n}\n"
            "protocol lmtp {\n  disable_plaintext_auth = yes\n}\n");
}

TEST(DumpTest, AllShowsDefaults) {
  auto s = Build("auth_cache_size = 1M\npassdb {\n  driver = sql\n}\n");
  ASSERT_TRUE(s.has_value()) << s.error().message();
  std::string all = Dump(*s, DumpScope::kAll);
  EXPECT_NE(all.find("\nauth_cache_size = 1M\n"), std::string::npos);
  EXPECT_NE(all.find("\ndisable_plaintext_auth = yes\n"), std::string::npos);
  EXPECT_NE(all.find("\nlog_timestamp = \"%b %d %H:%M:%S \"\n"), std::string::npos);
  EXPECT_NE(all.find("passdb {\n  args = \n  auth_verbose = default\n"), std::string::npos);
  EXPECT_NE(all.find("  driver = sql\n"), std::string::npos);
  EXPECT_NE(all.find("  result_success = return-ok\n"), std::string::npos);
}

TEST(DumpTest, SecretsHiddenUnlessAsked) {
  auto s = Build(
      "doveadm_password = s3cret\nssl_key = \nssl_dh = dhparams\n"
      "plugin {\n  quota_password = x\n}\n");
  ASSERT_TRUE(s.has_value()) << s.error().message();
  EXPECT_EQ(Dump(*s, DumpScope::kChanged),
            "doveadm_password = # hidden, use -P to show it\n"
            "plugin {\n  quota_password = # hidden, use -P to show it\n}\n"
            "ssl_dh = # hidden, use -P to show it\n");
  EXPECT_EQ(Dump(*s, DumpScope::kChanged, /*show_secrets=*/true),
            "doveadm_password = s3cret\nplugin {\n  quota_password = x\n}\nssl_dh = dhparams\n");
}

TEST(DumpTest, SectionsSortByTypeThenName) {
  auto s = Build(
      "namespace inbox {\n  mailbox Sent {\n    auto = create\n  }\n"
      "  mailbox \"Sent Messages\" {\n    auto = no\n  }\n"
      "  mailbox Drafts {\n    auto = create\n  }\n}\n");
  ASSERT_TRUE(s.has_value()) << s.error().message();
  EXPECT_EQ(Dump(*s, DumpScope::kChanged),
            "namespace inbox {\n  location = \n  mailbox Drafts {\n    auto = create\n  }\n"
            "  mailbox Sent {\n    auto = create\n  }\n"
            "  mailbox \"Sent Messages\" {\n    auto = no\n  }\n  prefix = \n}\n");
}

TEST(DumpTest, SameNamedSectionsMergeButPassdbsDoNot) {
  auto s = Build(
      "service lmtp {\n  process_limit = 5\n}\nservice lmtp {\n  client_limit = 2\n}\n"
      "passdb {\n  driver = sql\n}\npassdb {\n  driver = static\n}\n");
  ASSERT_TRUE(s.has_value()) << s.error().message();
  EXPECT_EQ(Dump(*s, DumpScope::kChanged),
            "passdb {\n  driver = sql\n}\npassdb {\n  driver = static\n}\n"
            "service lmtp {\n  client_limit = 2\n  process_limit = 5\n}\n");
}

}  // namespace
}  // namespace config
