#include "mail/address.h"

#include <gtest/gtest.h>

namespace mail {
namespace {

// Renders a list as "name|spec; name|spec" plus the invalid entries, for compact assertions.
std::string Render(const AddressList& list) {
  std::string out;
  for (const Address& a : list.addresses) {
    if (!out.empty()) out += "; ";
    out += a.display_name + "|" + a.AddrSpec();
  }
  for (const std::string& bad : list.invalid) out += " !" + bad;
  return out;
}

std::string Parse(std::string_view value) { return Render(ParseAddressList(value)); }

TEST(AddressTest, BareAddrSpec) {
  AddressList list = ParseAddressList("jdoe@example.org");
  ASSERT_EQ(list.addresses.size(), 1u);
  EXPECT_EQ(list.addresses[0].local_part, "jdoe");
  EXPECT_EQ(list.addresses[0].domain, "example.org");
  EXPECT_EQ(list.addresses[0].display_name, "");
  EXPECT_TRUE(list.invalid.empty());
}

TEST(AddressTest, NameAddr) {
  EXPECT_EQ(Parse("John Doe <jdoe@machine.example>"), "John Doe|jdoe@machine.example");
  EXPECT_EQ(Parse("<boss@nil.test>"), "|boss@nil.test");
}

TEST(AddressTest, QuotedDisplayNameWithSpecials) {
  EXPECT_EQ(Parse("\"Joe Q. Public\" <john.q.public@example.com>"),
            "Joe Q. Public|john.q.public@example.com");
  EXPECT_EQ(Parse("\"Giant; \\\"Big\\\" Box\" <sysservices@example.net>"),
            "Giant; \"Big\" Box|sysservices@example.net");
}

TEST(AddressTest, MultipleEntries) {
  EXPECT_EQ(Parse("Mary Smith <mary@x.test>, jdoe@example.org, Who? <one@y.test>"),
            "Mary Smith|mary@x.test; |jdoe@example.org; Who?|one@y.test");
}

TEST(AddressTest, GroupMembersAreIncludedAndGroupNameDropped) {
  EXPECT_EQ(Parse("A Group:Ed Jones <c@a.test>,joe@where.test,John <jdoe@one.test>;"),
            "Ed Jones|c@a.test; |joe@where.test; John|jdoe@one.test");
  EXPECT_EQ(Parse("Friends: a@b, c@d; e@f"), "|a@b; |c@d; |e@f");
}

TEST(AddressTest, EmptyGroups) {
  EXPECT_EQ(Parse("Undisclosed recipients:;"), "");
  EXPECT_EQ(Parse("(Empty list)(start)Hidden recipients  :(nobody(that I know))  ;"), "");
}

TEST(AddressTest, CommentsAreIgnoredAndMayNest) {
  EXPECT_EQ(Parse("Pete(A nice \\) chap) <pete(his account)@silly.test(his host)>"),
            "Pete|pete@silly.test");
  EXPECT_EQ(Parse("a@b (outer (inner) text)"), "outer (inner) text|a@b");
}

TEST(AddressTest, TrailingCommentServesAsDisplayName) {
  EXPECT_EQ(Parse("jdoe@example.org (John Doe)"), "John Doe|jdoe@example.org");
}

TEST(AddressTest, QuotedLocalPartIsUnquotedAndRequotedInAddrSpec) {
  AddressList list = ParseAddressList("\"john doe\"@example.com, \"a\\\"b\"@x");
  ASSERT_EQ(list.addresses.size(), 2u);
  EXPECT_EQ(list.addresses[0].local_part, "john doe");
  EXPECT_EQ(list.addresses[0].AddrSpec(), "\"john doe\"@example.com");
  EXPECT_EQ(list.addresses[1].local_part, "a\"b");
  EXPECT_EQ(list.addresses[1].AddrSpec(), "\"a\\\"b\"@x");
  EXPECT_EQ(Parse("\"plain\"@x"), "|plain@x");  // needless quotes vanish
}

TEST(AddressTest, ObsoleteRouteIsIgnored) {
  EXPECT_EQ(Parse("Mary <@node.test:mary@example.net>"), "Mary|mary@example.net");
  EXPECT_EQ(Parse("<@r1,@r2:user@dom>"), "|user@dom");
}

TEST(AddressTest, ObsoleteWhitespaceInsideDomain) {
  EXPECT_EQ(Parse("John Doe <jdoe@machine(comment).  example>"), "John Doe|jdoe@machine.example");
}

TEST(AddressTest, DomainLiteral) { EXPECT_EQ(Parse("root@[192.0.2.1]"), "|root@[192.0.2.1]"); }

TEST(AddressTest, EncodedDisplayNameIsDecoded) {
  EXPECT_EQ(Parse("=?ISO-8859-1?Q?Andr=E9?= Pirard <PIRARD@vm1.ulg.ac.be>"),
            "Andr\xc3\xa9 Pirard|PIRARD@vm1.ulg.ac.be");
  EXPECT_EQ(Parse("=?utf-8?q?Caf=C3=A9?= =?utf-8?q?_Bar?= <c@b>"), "Caf\xc3\xa9 Bar|c@b");
}

TEST(AddressTest, InvalidEntriesAreReportedRaw) {
  // An unclosed '<' runs to the end of the value, so it comes last here.
  AddressList list = ParseAddressList("good@x, John Smith, @nolocal.test, a@, ok@y, <a@b");
  EXPECT_EQ(Render(list), "|good@x; |ok@y !John Smith !@nolocal.test !a@ !<a@b");
}

TEST(AddressTest, MoreInvalidShapes) {
  EXPECT_EQ(Parse("a@b@c"), " !a@b@c");
  EXPECT_EQ(Parse("Name <a@b> trailing"), " !Name <a@b> trailing");
  EXPECT_EQ(Parse("<>"), " !<>");
  EXPECT_EQ(Parse("\"unterminated <a@b>"), " !\"unterminated <a@b>");
  EXPECT_EQ(Parse("a@b.."), " !a@b..");
}

TEST(AddressTest, EmptyValueAndEmptyElements) {
  AddressList empty = ParseAddressList("");
  EXPECT_TRUE(empty.addresses.empty());
  EXPECT_TRUE(empty.invalid.empty());
  EXPECT_EQ(Parse(" , a@b ,, c@d , "), "|a@b; |c@d");
}

TEST(AddressTest, BareLocalPartHasEmptyDomain) {
  AddressList list = ParseAddressList("postmaster");
  ASSERT_EQ(list.addresses.size(), 1u);
  EXPECT_EQ(list.addresses[0].local_part, "postmaster");
  EXPECT_EQ(list.addresses[0].domain, "");
  EXPECT_EQ(list.addresses[0].AddrSpec(), "postmaster");
}

TEST(AddressTest, SemicolonOutsideGroupSeparates) { EXPECT_EQ(Parse("a@b; c@d"), "|a@b; |c@d"); }

TEST(AddressTest, FoldedValueAndEightBitNames) {
  EXPECT_EQ(Parse("J\xc3\xb6rg\r\n <j@x.de>,\r\n\tk@y"), "J\xc3\xb6rg|j@x.de; |k@y");
}

TEST(EnvelopePathTest, AngleAndBarePaths) {
  std::optional<Address> a = ParseEnvelopePath("<user@example.com>");
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(a->local_part, "user");
  EXPECT_EQ(a->domain, "example.com");
  EXPECT_EQ(ParseEnvelopePath("user@example.com")->AddrSpec(), "user@example.com");
  EXPECT_EQ(ParseEnvelopePath("<\"a b\"@x>")->local_part, "a b");
  EXPECT_EQ(ParseEnvelopePath("<@relay.test:u@d>")->AddrSpec(), "u@d");
  EXPECT_EQ(ParseEnvelopePath("<postmaster>")->AddrSpec(), "postmaster");
  EXPECT_EQ(ParseEnvelopePath("<u@[10.0.0.1]>")->domain, "[10.0.0.1]");
}

TEST(EnvelopePathTest, NullPath) {
  std::optional<Address> null_path = ParseEnvelopePath("<>");
  ASSERT_TRUE(null_path.has_value());
  EXPECT_EQ(null_path->local_part, "");
  EXPECT_EQ(null_path->domain, "");
  EXPECT_EQ(null_path->AddrSpec(), "");
}

TEST(EnvelopePathTest, MalformedPaths) {
  for (const char* bad : {"", "<", "<a@b", "a@b>", "<a@>", "<@a>", "<a b@c>", "<a@b c>", "<a@b@c>",
                          "<.a@b>", "<a@b.>", "<\"open@b>", "<@r.test>", "Name <a@b>"}) {
    EXPECT_EQ(ParseEnvelopePath(bad), std::nullopt) << bad;
  }
}

}  // namespace
}  // namespace mail
