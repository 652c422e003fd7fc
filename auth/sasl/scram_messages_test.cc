// The SCRAM client message parsers (RFC 5802 §7).
#include <gtest/gtest.h>

#include "auth/sasl/scram_messages_internal.h"

namespace auth::sasl {
namespace {

using namespace std::string_view_literals;

TEST(ScramMessagesTest, ClientFirst) {
  auto first = ParseClientFirst("y,a=us=3Der,n=us=3Der,r=abc,x=ext");
  ASSERT_TRUE(first) << first.error().message();
  EXPECT_EQ(first->cbind_flag, 'y');
  EXPECT_EQ(first->gs2_header, "y,a=us=3Der,");
  EXPECT_EQ(first->authzid, "us=er");
  EXPECT_EQ(first->user, "us=er");
  EXPECT_EQ(first->nonce, "abc");
  EXPECT_EQ(first->bare, "n=us=3Der,r=abc,x=ext");
  EXPECT_EQ(ParseClientFirst("p=tls-unique,,n=u,r=a")->cbind_flag, 'p');
  EXPECT_EQ(ParseClientFirst("n,,n=j\xc3\xbcrgen,r=a")->user, "j\xc3\xbcrgen");
}

TEST(ScramMessagesTest, BadClientFirstMessages) {
  for (std::string_view bad :
       {""sv, "n"sv, "n,"sv, "q,,n=u,r=a"sv, "n,x=u,n=u,r=a"sv, "n,,n=u"sv, "n,,r=a,n=u"sv,
        "n,,n=,r=a"sv, "n,,n=u,r="sv, "n,,n=u=2c,r=a"sv, "n,,n=u=,r=a"sv, "n,,n=u=3,r=a"sv,
        "n,,n=\xff,r=a"sv, "n,,n=a\x01,r=a"sv, "n,,n=a\0b,r=a"sv, "n,,n=u,r=a b"sv}) {
    EXPECT_FALSE(ParseClientFirst(bad)) << bad;
  }
  // RFC 5802 §5.1: an unknown mandatory extension fails the exchange.
  EXPECT_EQ(ParseClientFirst("n,,m=ext,n=u,r=a").error().code(), base::Status::Code::kUnsupported);
}

TEST(ScramMessagesTest, ClientFinal) {
  auto final = ParseClientFinal("c=biws,r=abc,x=ext,p=AAEC");
  ASSERT_TRUE(final) << final.error().message();
  EXPECT_EQ(final->channel_binding, "n,,");
  EXPECT_EQ(final->nonce, "abc");
  EXPECT_EQ(final->proof, "\x00\x01\x02"sv);
  EXPECT_EQ(final->without_proof, "c=biws,r=abc,x=ext");
}

TEST(ScramMessagesTest, BadClientFinalMessages) {
  for (std::string_view bad :
       {""sv, "c=biws,r=abc"sv, "r=abc,c=biws,p=AAEC"sv, "c=biws,p=AAEC"sv, "c=bi!s,r=abc,p=AAEC"sv,
        "c=biws,r=abc,p=AAE"sv, "c=biws,r=abc,p="sv, "c=biws,r=abc,p= AAEC"sv}) {
    EXPECT_FALSE(ParseClientFinal(bad)) << bad;
  }
}

}  // namespace
}  // namespace auth::sasl
