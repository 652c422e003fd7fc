// vnd.dovecot.environment: its items (default mailbox from the engine, user name from the host,
// vnd.dovecot.config.* from settings), the "env" variables namespace, and that it implies the
// environment test.
#include <gtest/gtest.h>

#include "sieve-lang/testing/script_runner.h"

namespace sieve {
namespace {

std::string Outcome(std::string_view body,
                    std::string_view require = "\"vnd.dovecot.environment\"") {
  FakeHost host;
  host.SetEnvironment("vnd.dovecot.username", "alice");
  host.SetEnvironment("remote-host", "mx.example.org");
  host.SetSetting("sieve_environment/reject_reason", "Go away");
  host.SetSetting("sieve_env_old_style", "2.3 name");
  std::string script =
      "require [" + std::string(require) + ", \"variables\", \"fileinto\"];\n" + std::string(body);
  return testing::RunScript(testing::AllExtensionsEngine(), script, "Subject: x\r\n\r\n", {},
                            &host);
}

TEST(VndEnvironmentTest, EnvNamespaceMapsDashToUnderscore) {
  EXPECT_EQ(Outcome("fileinto \"${env.vnd.dovecot.default_mailbox}.Sub\";"), "store INBOX.Sub");
  EXPECT_EQ(Outcome("fileinto \"User.${env.vnd.dovecot.username}\";"), "store User.alice");
  EXPECT_EQ(Outcome("fileinto \"${env.remote_host}\";"), "store mx.example.org");
  EXPECT_EQ(Outcome("fileinto \"${ENV.Vnd.Dovecot.UserName}\";"), "store alice");
  EXPECT_EQ(Outcome("fileinto \"x${env.nonsense}x\";"), "store xx");
}

TEST(VndEnvironmentTest, ItemsThroughTheEnvironmentTest) {
  // Requiring vnd.dovecot.environment alone brings the environment test (spec §5).
  EXPECT_EQ(Outcome("if environment :is \"vnd.dovecot.default-mailbox\" \"inbox\" { discard; }"),
            "discard");
  EXPECT_EQ(Outcome("if environment :is \"vnd.dovecot.config.reject_reason\" \"go away\" "
                    "{ discard; }"),
            "discard");
  EXPECT_EQ(
      Outcome("if environment :is \"vnd.dovecot.config.old_style\" \"2.3 name\" { discard; }"),
      "discard");
  EXPECT_EQ(Outcome("if environment :matches \"vnd.dovecot.config.unset\" \"*\" { discard; }"),
            " | keep");
  EXPECT_EQ(Outcome("if environment :is \"vnd.dovecot.config.\" \"\" { discard; }"), " | keep");
}

TEST(VndEnvironmentTest, ItemsNeedTheExtension) {
  // The host knows vnd.dovecot.username, but a script without the extension does not see it.
  EXPECT_EQ(Outcome("if environment :matches \"vnd.dovecot.username\" \"*\" { discard; }",
                    "\"environment\""),
            " | keep");
  EXPECT_EQ(
      Outcome("if environment :matches \"remote-host\" \"mx.*\" { discard; }", "\"environment\""),
      "discard");
  EXPECT_TRUE(
      Outcome("fileinto \"${env.remote_host}\";", "\"environment\"").starts_with("COMPILE ERROR"));
}

}  // namespace
}  // namespace sieve
