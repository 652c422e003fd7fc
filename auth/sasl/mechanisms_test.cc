// The registry: names, flags, and that NewMechanism builds each mechanism it lists.
#include <gtest/gtest.h>

#include "auth/sasl/fake_source_internal.h"
#include "auth/sasl/mechanism.h"

namespace auth::sasl {
namespace {

TEST(MechanismsTest, KnownInDovecotsOrderWithFlags) {
  std::vector<std::string> names;
  for (const MechanismInfo& info : KnownMechanisms()) names.push_back(info.name);
  EXPECT_EQ(names, (std::vector<std::string>{"PLAIN", "LOGIN", "CRAM-MD5", "SCRAM-SHA-1",
                                             "SCRAM-SHA-256"}));
  EXPECT_TRUE(FindMechanism("plain")->plaintext);
  EXPECT_TRUE(FindMechanism("Login")->plaintext);
  EXPECT_TRUE(FindMechanism("cram-md5")->needs_credentials);
  EXPECT_FALSE(FindMechanism("scram-sha-256")->plaintext);
  EXPECT_TRUE(FindMechanism("SCRAM-SHA-1")->needs_credentials);
  EXPECT_EQ(FindMechanism("SCRAM-SHA-256-PLUS"), nullptr);
  EXPECT_EQ(FindMechanism("GSSAPI"), nullptr);
}

TEST(MechanismsTest, NewMechanismMakesEachKnownOne) {
  FakeSource source;
  MechanismEnv env{.random = FixedRandom('\0'), .unix_time = [] { return int64_t{42}; }};
  for (const MechanismInfo& info : KnownMechanisms()) {
    EXPECT_NE(NewMechanism(info.name, source, "mx.example", env), nullptr) << info.name;
  }
  EXPECT_EQ(NewMechanism("cram-md5", source, "mx.example", env)->Start(std::nullopt).data,
            "<0.42@mx.example>");
  EXPECT_EQ(NewMechanism("NTLM", source, "mx.example"), nullptr);
}

}  // namespace
}  // namespace auth::sasl
