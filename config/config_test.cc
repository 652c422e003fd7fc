#include "config/config.h"

#include <gtest/gtest.h>

namespace config {
namespace {

Config Parse(std::string_view text) {
  auto config = ParseString(text, "test.conf");
  EXPECT_TRUE(config.has_value()) << config.error().message();
  return config.value_or(Config{});
}

constexpr char kConf[] =
    "mail_plugins = quota\n"
    "plugin {\n"
    "  sieve = ~/.dovecot.sieve\n"
    "  sieve_max_actions = 10\n"
    "}\n"
    "protocol lda {\n"
    "  mail_plugins = $mail_plugins sieve\n"
    "  plugin {\n"
    "    sieve_max_actions = 20\n"
    "  }\n"
    "}\n"
    "plugin {\n"
    "  sieve_dir = ~/sieve\n"
    "  sieve_max_actions = 30\n"
    "}\n";

TEST(ConfigTest, FindByPath) {
  Config c = Parse(kConf);
  EXPECT_EQ(c.Find("mail_plugins")->value, "quota");
  EXPECT_EQ(c.Find("protocol/lda/mail_plugins")->value, "quota sieve");
  // Repeated plugin {} blocks: the last one that sets the key wins.
  EXPECT_EQ(c.Find("plugin/sieve_max_actions")->value, "30");
  EXPECT_EQ(c.Find("plugin/sieve_max_actions")->line, 14);
  EXPECT_EQ(c.Find("plugin/sieve")->value, "~/.dovecot.sieve");
  EXPECT_EQ(c.Find("protocol/lda/plugin/sieve_max_actions")->value, "20");
  EXPECT_EQ(c.Find("protocol/imap/mail_plugins"), nullptr);
  EXPECT_EQ(c.Find("nothing"), nullptr);
  EXPECT_EQ(c.Find("plugin//sieve"), nullptr);
  EXPECT_EQ(c.Find(""), nullptr);
}

TEST(ConfigTest, FindSectionsReturnsAllInOrder) {
  Config c = Parse(kConf);
  auto plugins = c.root.FindSections("plugin");
  ASSERT_EQ(plugins.size(), 2u);
  EXPECT_EQ(plugins[0]->line, 2);
  EXPECT_EQ(plugins[1]->line, 12);
  EXPECT_EQ(c.root.FindSection("plugin"), plugins[0]);
}

TEST(ConfigTest, PluginSettingsMergeLaterWins) {
  Config c = Parse(kConf);
  auto plugin = PluginSettings(c);
  EXPECT_EQ(plugin.size(), 3u);
  EXPECT_EQ(plugin["sieve"], "~/.dovecot.sieve");
  EXPECT_EQ(plugin["sieve_dir"], "~/sieve");
  EXPECT_EQ(plugin["sieve_max_actions"], "30");
  // A protocol filter's plugin {} overrides the global blocks.
  EXPECT_EQ(PluginSettings(c, "lda")["sieve_max_actions"], "20");
  EXPECT_EQ(PluginSettings(c, "imap")["sieve_max_actions"], "30");
  EXPECT_TRUE(PluginSettings(Parse("a = 1\n")).empty());
}

TEST(ConfigTest, OverrideBareSieveKeyGoesToPlugin) {
  Config c = Parse(kConf);
  ASSERT_TRUE(ApplyOverride(c, "sieve_max_actions=5").ok());
  ASSERT_TRUE(ApplyOverride(c, "sieve=/tmp/x.sieve").ok());
  EXPECT_EQ(PluginSettings(c)["sieve_max_actions"], "5");
  EXPECT_EQ(PluginSettings(c)["sieve"], "/tmp/x.sieve");
  const Setting* s = c.Find("plugin/sieve_max_actions");
  EXPECT_EQ(s->value, "5");
  EXPECT_EQ(s->file, "<command line>");
  EXPECT_EQ(s->line, 0);
}

TEST(ConfigTest, OverridePaths) {
  Config c = Parse(kConf);
  ASSERT_TRUE(ApplyOverride(c, "plugin/sieve_dir=/srv/sieve").ok());
  ASSERT_TRUE(ApplyOverride(c, "mail_plugins=").ok());
  ASSERT_TRUE(ApplyOverride(c, "protocol/lda/mail_plugins=a=b").ok());
  ASSERT_TRUE(ApplyOverride(c, "service/lmtp/inet_listener/lmtp/port=2424").ok());
  EXPECT_EQ(PluginSettings(c)["sieve_dir"], "/srv/sieve");
  EXPECT_EQ(c.Find("mail_plugins")->value, "");
  EXPECT_EQ(c.Find("protocol/lda/mail_plugins")->value, "a=b");
  EXPECT_EQ(c.Find("service/lmtp/inet_listener/lmtp/port")->value, "2424");
  EXPECT_EQ(c.root.FindSections("protocol", "lda").size(), 1u);  // reused, not duplicated
}

TEST(ConfigTest, OverrideOnEmptyConfigCreatesSections) {
  Config c;
  ASSERT_TRUE(ApplyOverride(c, "plugin/sieve_before=/a").ok());
  EXPECT_EQ(PluginSettings(c)["sieve_before"], "/a");
}

TEST(ConfigTest, BadOverrides) {
  Config c;
  base::Status st = ApplyOverride(c, "sieve_max_actions");
  EXPECT_EQ(st.code(), base::Status::Code::kInvalidArgument);
  EXPECT_EQ(st.message(), "Expecting key=value in override 'sieve_max_actions'");
  EXPECT_EQ(ApplyOverride(c, "=1").message(), "Invalid setting path in override '=1'");
  EXPECT_EQ(ApplyOverride(c, "plugin//x=1").message(),
            "Invalid setting path in override 'plugin//x=1'");
}

}  // namespace
}  // namespace config
