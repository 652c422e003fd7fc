#include "config/internal/registry.h"

#include <gtest/gtest.h>

#include "config/values.h"

namespace config::internal {
namespace {

TEST(RegistryTest, SortedForBisection) {
  std::span<const SettingDef> all = AllSettings();
  for (size_t i = 1; i < all.size(); ++i) {
    EXPECT_TRUE(all[i - 1].name < all[i].name ||
                (all[i - 1].name == all[i].name && all[i - 1].sections < all[i].sections))
        << all[i - 1].name << " / " << all[i].name;
  }
}

TEST(RegistryTest, EveryDefaultIsValidForItsType) {
  for (const SettingDef& def : AllSettings()) {
    EXPECT_TRUE(CheckValue(def, def.default_value).ok())
        << def.name << " = " << def.default_value << ": "
        << CheckValue(def, def.default_value).message();
  }
}

TEST(RegistryTest, FindsBySectionKind) {
  const SettingDef* ssl = FindSetting(kRoot, "ssl");
  ASSERT_NE(ssl, nullptr);
  EXPECT_EQ(ssl->type, SettingType::kEnum);
  EXPECT_EQ(ssl->default_value, "yes");
  const SettingDef* listener_ssl = FindSetting(kInetListener, "ssl");
  ASSERT_NE(listener_ssl, nullptr);
  EXPECT_EQ(listener_ssl->type, SettingType::kBool);
  // A filter holds top-level settings.
  EXPECT_EQ(FindSetting(kFilter, "mail_plugins"), FindSetting(kRoot, "mail_plugins"));
  // Shared rows: a unix and a fifo listener both have user and mode.
  EXPECT_EQ(FindSetting(kUnixListener, "mode"), FindSetting(kFifoListener, "mode"));
  EXPECT_EQ(FindSetting(kRoot, "mode"), nullptr);
  EXPECT_EQ(FindSetting(kRoot, "no_such_setting"), nullptr);
  EXPECT_EQ(FindSetting(kPassdb, "driver"), FindSetting(kUserdb, "driver"));
  EXPECT_NE(FindSetting(kMailbox, "driver"), FindSetting(kPassdb, "driver"));
}

TEST(RegistryTest, DefaultsMatchDoveconf) {
  auto default_of = [](SectionKind kind, std::string_view name) {
    const SettingDef* def = FindSetting(kind, name);
    return def == nullptr ? std::string("<missing>") : std::string(def->default_value);
  };
  EXPECT_EQ(default_of(kRoot, "auth_cache_size"), "0");
  EXPECT_EQ(default_of(kRoot, "disable_plaintext_auth"), "yes");
  EXPECT_EQ(default_of(kRoot, "auth_mechanisms"), "plain");
  EXPECT_EQ(default_of(kRoot, "default_vsz_limit"), "256 M");
  EXPECT_EQ(default_of(kRoot, "first_valid_uid"), "500");
  EXPECT_EQ(default_of(kRoot, "log_timestamp"), "%b %d %H:%M:%S ");
  EXPECT_EQ(default_of(kPassdb, "result_success"), "return-ok");
  EXPECT_EQ(default_of(kNamespace, "list"), "yes");
  EXPECT_EQ(default_of(kPlugin, "sieve_max_actions"), "32");
}

TEST(RegistryTest, CheckValueByType) {
  auto check = [](SectionKind kind, std::string_view name, std::string_view value) {
    return CheckValue(*FindSetting(kind, name), value);
  };
  EXPECT_TRUE(check(kRoot, "ssl", "required").ok());
  EXPECT_EQ(check(kRoot, "ssl", "Required").message(),
            "Invalid value: Required (use one of: yes, no, required)");
  EXPECT_FALSE(check(kRoot, "first_valid_uid", "4294967296").ok());
  EXPECT_TRUE(check(kRoot, "first_valid_uid", "4294967295").ok());
  EXPECT_FALSE(check(kInetListener, "port", "65536").ok());
  EXPECT_TRUE(check(kUnixListener, "mode", "0600").ok());
  EXPECT_FALSE(check(kUnixListener, "mode", "0800").ok());
  // Whole seconds only, except where Dovecot keeps milliseconds.
  EXPECT_EQ(check(kRoot, "default_idle_kill", "1500 ms").message(),
            "Milliseconds not supported for this setting: 1500 ms");
  EXPECT_TRUE(check(kRoot, "default_idle_kill", "2000 ms").ok());
  EXPECT_TRUE(check(kRoot, "login_proxy_timeout", "1500 ms").ok());
  EXPECT_TRUE(check(kService, "type", "").ok());
  EXPECT_TRUE(check(kService, "type", "login").ok());
}

TEST(RegistryTest, SameValueComparesTyped) {
  EXPECT_TRUE(SameValue(*FindSetting(kRoot, "auth_cache_ttl"), "1h", "1 hours"));
  EXPECT_TRUE(SameValue(*FindSetting(kRoot, "disable_plaintext_auth"), "YES", "yes"));
  EXPECT_TRUE(SameValue(*FindSetting(kRoot, "default_vsz_limit"), "256M", "256 M"));
  EXPECT_FALSE(SameValue(*FindSetting(kRoot, "default_vsz_limit"), "1G", "256 M"));
  EXPECT_FALSE(SameValue(*FindSetting(kRoot, "auth_mechanisms"), "plain login", "plain"));
}

TEST(RegistryTest, SectionNesting) {
  EXPECT_EQ(KindOf("service"), kService);
  EXPECT_EQ(KindOf("protocol"), kFilter);
  EXPECT_EQ(KindOf("remote"), kFilter);
  EXPECT_EQ(KindOf("frobnicate"), kNone);
  EXPECT_TRUE(AllowedIn(kRoot, kService));
  EXPECT_TRUE(AllowedIn(kService, kUnixListener));
  EXPECT_TRUE(AllowedIn(kNamespace, kMailbox));
  EXPECT_TRUE(AllowedIn(kFilter, kPlugin));
  EXPECT_FALSE(AllowedIn(kFilter, kService));
  EXPECT_FALSE(AllowedIn(kRoot, kMailbox));
  EXPECT_FALSE(AllowedIn(kRoot, kNone));
}

}  // namespace
}  // namespace config::internal
