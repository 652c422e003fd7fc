#include "auth/authenticator.h"

#include <gtest/gtest.h>

#include <fstream>

#include "base/testing/temp_dir.h"
#include "config/config.h"

namespace auth {
namespace {

using Status = AuthOutcome::Status;

class AuthenticatorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Write("users",
          "alice@example.com:{PLAIN}wonderland:1000:1000::/home/alice::userdb_mail=maildir:~/M\n"
          "bob@example.com:{PLAIN}builder::::::nologin reason=Moved\n"
          "carol@example.com:{PLAIN}secret::::::allow_nets=192.0.2.0/24,::1\n"
          "dave@example.com:::::::nopassword\n"
          "erin@example.com:broken-hash-without-scheme\n"
          "frank@example.com:{SHA999}abc\n");
    Write("deny", "mallory@example.com\n");
  }

  void Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_.path() + "/" + name) << text;
  }

  std::unique_ptr<Authenticator> Make(const std::string& conf, AuthSettings settings = {}) {
    auto parsed = config::ParseString(conf);
    EXPECT_TRUE(parsed.has_value()) << parsed.error().message();
    auto databases = OpenDatabases(*parsed);
    EXPECT_TRUE(databases.has_value()) << databases.error().message();
    settings.mechanisms = {"PLAIN", "LOGIN"};
    auto made = Authenticator::Create(settings, std::move(*databases));
    EXPECT_TRUE(made.has_value()) << made.error().message();
    return std::move(*made);
  }

  std::string PasswdConf() {
    return "passdb {\n driver = passwd-file\n args = scheme=PLAIN " + dir_.path() +
           "/users\n}\nuserdb {\n driver = prefetch\n}\nuserdb {\n driver = passwd-file\n args = " +
           dir_.path() + "/users\n}\n";
  }

  static AuthRequest Request(std::string user, std::string ip = "198.51.100.7") {
    return {.user = std::move(user), .service = "imap", .remote_ip = std::move(ip)};
  }

  base::testing::TempDir dir_;
};

TEST_F(AuthenticatorTest, PasswdFileLoginChecksThePassword) {
  auto auth = Make(PasswdConf());
  AuthOutcome ok = auth->VerifyPlain(Request("alice@example.com"), "wonderland");
  EXPECT_EQ(ok.status, Status::kOk) << ok.log_reason;
  EXPECT_EQ(ok.user, "alice@example.com");
  EXPECT_EQ(FindField(ok.fields, "password"), nullptr) << "the hash must not travel onward";
  AuthOutcome wrong = auth->VerifyPlain(Request("alice@example.com"), "looking-glass");
  EXPECT_EQ(wrong.status, Status::kFail);
  EXPECT_EQ(wrong.log_reason, "password mismatch");
  AuthOutcome unknown = auth->VerifyPlain(Request("zed@example.com"), "x");
  EXPECT_EQ(unknown.status, Status::kFail);
  EXPECT_EQ(unknown.log_reason, "unknown user");
}

TEST_F(AuthenticatorTest, NologinFailsWithTheReasonOnlyAfterTheRightPassword) {
  auto auth = Make(PasswdConf());
  AuthOutcome right = auth->VerifyPlain(Request("bob@example.com"), "builder");
  EXPECT_EQ(right.status, Status::kFail);
  EXPECT_EQ(right.client_reason, "Moved");
  AuthOutcome wrong = auth->VerifyPlain(Request("bob@example.com"), "guess");
  EXPECT_EQ(wrong.status, Status::kFail);
  EXPECT_EQ(wrong.client_reason, "") << "a guesser must not learn the account exists";
}

TEST_F(AuthenticatorTest, AllowNetsLimitsWhereALoginMayComeFrom) {
  auto auth = Make(PasswdConf());
  EXPECT_EQ(auth->VerifyPlain(Request("carol@example.com", "192.0.2.77"), "secret").status,
            Status::kOk);
  EXPECT_EQ(auth->VerifyPlain(Request("carol@example.com", "::1"), "secret").status, Status::kOk);
  EXPECT_EQ(auth->VerifyPlain(Request("carol@example.com", "203.0.113.1"), "secret").status,
            Status::kFail);
  EXPECT_EQ(auth->VerifyPlain(Request("carol@example.com", ""), "secret").status, Status::kFail);
}

TEST_F(AuthenticatorTest, NopasswordAcceptsAnyPasswordAndABrokenHashIsAnInternalError) {
  auto auth = Make(PasswdConf());
  EXPECT_EQ(auth->VerifyPlain(Request("dave@example.com"), "anything").status, Status::kOk);
  // erin's hash has no scheme and the file's scheme is PLAIN: it is a plain password.
  EXPECT_EQ(auth->VerifyPlain(Request("erin@example.com"), "broken-hash-without-scheme").status,
            Status::kOk);
  AuthOutcome broken = auth->VerifyPlain(Request("frank@example.com"), "x");
  EXPECT_EQ(broken.status, Status::kTempFail) << "an unknown scheme is the admin's error";
  EXPECT_NE(broken.log_reason.find("SHA999"), std::string::npos) << broken.log_reason;
}

TEST_F(AuthenticatorTest, DenyPassdbRefusesListedUsers) {
  Write("users2", "mallory@example.com:{PLAIN}pw\n");
  auto auth = Make("passdb {\n driver = passwd-file\n deny = yes\n args = " + dir_.path() +
                   "/deny\n}\npassdb {\n driver = passwd-file\n args = " + dir_.path() +
                   "/users2\n}\n");
  AuthOutcome denied = auth->VerifyPlain(Request("mallory@example.com"), "pw");
  EXPECT_EQ(denied.status, Status::kFail);
  EXPECT_NE(denied.log_reason.find("denied"), std::string::npos);
}

TEST_F(AuthenticatorTest, PrefetchThenPasswdFileUserdb) {
  auto auth = Make(PasswdConf());
  AuthOutcome ok = auth->VerifyPlain(Request("alice@example.com"), "wonderland");
  ASSERT_EQ(ok.status, Status::kOk);
  UserOutcome prefetched = auth->LookupUser(Request("alice@example.com"), PrefetchedFields(ok.fields));
  ASSERT_EQ(prefetched.status, LookupResult::Status::kFound);
  EXPECT_EQ(*FindField(prefetched.fields, "home"), "/home/alice");
  EXPECT_EQ(*FindField(prefetched.fields, "mail"), "maildir:~/M");
  // Without a login nothing is prefetched: the passwd-file userdb answers.
  UserOutcome direct = auth->LookupUser(Request("alice@example.com"));
  ASSERT_EQ(direct.status, LookupResult::Status::kFound);
  EXPECT_EQ(*FindField(direct.fields, "uid"), "1000");
  EXPECT_EQ(*FindField(direct.fields, "mail"), "maildir:~/M");
  EXPECT_EQ(auth->LookupUser(Request("zed@example.com")).status, LookupResult::Status::kNotFound);
}

TEST_F(AuthenticatorTest, StaticUserdbExpandsVariables) {
  auto auth = Make(PasswdConf() +
                   "userdb {\n driver = static\n args = uid=vmail gid=vmail "
                   "home=/var/spool/mail/%d/%n\n}\n");
  UserOutcome found = auth->LookupUser(Request("zed@example.org"));
  ASSERT_EQ(found.status, LookupResult::Status::kFound);
  EXPECT_EQ(*FindField(found.fields, "home"), "/var/spool/mail/example.org/zed");
  EXPECT_EQ(*FindField(found.fields, "uid"), "vmail");
}

TEST_F(AuthenticatorTest, UsernameIsNormalizedAndCheckedBeforeAnyLookup) {
  AuthSettings settings;
  settings.default_realm = "example.com";
  auto auth = Make(PasswdConf(), settings);
  EXPECT_EQ(auth->NormalizeUser("Alice"), "alice@example.com");
  EXPECT_EQ(auth->NormalizeUser("ALICE@Example.COM"), "alice@example.com");
  EXPECT_EQ(auth->NormalizeUser("alice' OR '1'='1"), std::nullopt);
  EXPECT_EQ(auth->NormalizeUser("a\tb"), std::nullopt);
  EXPECT_EQ(auth->NormalizeUser(""), std::nullopt);
}

TEST_F(AuthenticatorTest, CacheServesRepeatsAndNoticesAChangedPassword) {
  AuthSettings settings;
  settings.cache_size = 1 << 20;
  auto auth = Make(PasswdConf(), settings);
  ASSERT_EQ(auth->VerifyPlain(Request("alice@example.com"), "wonderland").status, Status::kOk);
  ASSERT_EQ(auth->VerifyPlain(Request("alice@example.com"), "wonderland").status, Status::kOk);
  EXPECT_GE(auth->cache().hits(), 1u);
  // The admin changes the password: the old one still works from the cache only until a
  // mismatch sends the check back to the file.
  Write("users", "alice@example.com:{PLAIN}new-password:1000:1000::/home/alice\n");
  EXPECT_EQ(auth->VerifyPlain(Request("alice@example.com"), "new-password").status, Status::kOk);
  EXPECT_EQ(auth->VerifyPlain(Request("alice@example.com"), "wonderland").status, Status::kFail);
}

TEST_F(AuthenticatorTest, PlaintextMechanismsNeedASecuredConnection) {
  AuthSettings settings;
  auto auth = Make(PasswdConf(), settings);
  EXPECT_TRUE(auth->Mechanisms(false).empty());
  EXPECT_TRUE(auth->MechanismAllowed("plain", true));
  EXPECT_FALSE(auth->MechanismAllowed("plain", false));
  settings.disable_plaintext_auth = false;
  auto open = Make(PasswdConf(), settings);
  EXPECT_TRUE(open->MechanismAllowed("LOGIN", false));
}

TEST(AuthPenaltyTest, DelayGrowsPerFailureAndClearsOnSuccess) {
  auto now = std::chrono::steady_clock::time_point{};
  AuthPenalty penalty([&] { return now; });
  EXPECT_EQ(penalty.Delay("192.0.2.1").count(), 0);
  penalty.Failed("192.0.2.1");
  EXPECT_EQ(penalty.Delay("192.0.2.1"), std::chrono::seconds(2));
  penalty.Failed("192.0.2.1");
  penalty.Failed("192.0.2.1");
  EXPECT_EQ(penalty.Delay("192.0.2.1"), std::chrono::seconds(8));
  for (int i = 0; i < 10; ++i) penalty.Failed("192.0.2.1");
  EXPECT_EQ(penalty.Delay("192.0.2.1"), std::chrono::seconds(15));
  EXPECT_EQ(penalty.Delay("192.0.2.2").count(), 0) << "penalties are per address";
  penalty.Succeeded("192.0.2.1");
  EXPECT_EQ(penalty.Delay("192.0.2.1").count(), 0);
  penalty.Failed("192.0.2.3");
  now += std::chrono::hours(2);
  EXPECT_EQ(penalty.Count("192.0.2.3"), 0u) << "forgotten after an hour";
}

TEST(AuthCacheTest, ExpiresAndStaysWithinItsSize) {
  auto now = std::chrono::steady_clock::time_point{};
  AuthCache cache(2000, std::chrono::seconds(60), std::chrono::seconds(5), [&] { return now; });
  cache.Put("a", LookupResult::Found({{"password", "x"}}));
  cache.Put("missing", LookupResult::NotFound());
  cache.Put("down", LookupResult::TempFail("sql down"));
  EXPECT_TRUE(cache.Get("a").has_value());
  EXPECT_TRUE(cache.Get("missing").has_value());
  EXPECT_FALSE(cache.Get("down").has_value()) << "temporary failures are never cached";
  now += std::chrono::seconds(10);
  EXPECT_FALSE(cache.Get("missing").has_value()) << "negative TTL is shorter";
  EXPECT_TRUE(cache.Get("a").has_value());
  for (int i = 0; i < 100; ++i) cache.Put("k" + std::to_string(i), LookupResult::Found({{"f", "v"}}));
  EXPECT_LE(cache.bytes(), 2000u);
}

TEST(IpNetworksTest, MatchesV4AndV6Networks) {
  auto nets = IpNetworks::Parse("192.0.2.0/24, 2001:db8::/32 127.0.0.1 local");
  ASSERT_TRUE(nets.has_value());
  EXPECT_TRUE(nets->Contains("192.0.2.200"));
  EXPECT_FALSE(nets->Contains("192.0.3.1"));
  EXPECT_TRUE(nets->Contains("2001:db8:1::5"));
  EXPECT_FALSE(nets->Contains("2001:db9::5"));
  EXPECT_TRUE(nets->Contains("127.0.0.1"));
  EXPECT_TRUE(nets->Contains(""));
  EXPECT_FALSE(IpNetworks::Parse("192.0.2.0/33").has_value());
  EXPECT_FALSE(IpNetworks::Parse("mail.example.com").has_value());
}

}  // namespace
}  // namespace auth
