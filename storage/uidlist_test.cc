// dovecot-uidlist version 3 (and 1) reading and writing.
#include "storage/uidlist.h"

#include <gtest/gtest.h>

namespace storage {
namespace {

constexpr char kDovecotWritten[] =
    "3 V1763800000 N4 G0123456789abcdef0123456789abcdef\n"
    "1 G1b3c4d5e6f708192a3b4c5d6e7f80910 W1260 :1763800000.M1P2.mx,S=1234,W=1260\n"
    "3 :1763800009.M3P2.mx:2,S\n";

TEST(UidlistTest, ReadsWhatDovecotWrites) {
  auto list = ParseUidlist(kDovecotWritten);
  ASSERT_TRUE(list) << list.error().message();
  EXPECT_EQ(list->uid_validity, 1763800000u);
  EXPECT_EQ(list->next_uid, 4u);
  EXPECT_EQ(list->guid, "0123456789abcdef0123456789abcdef");
  ASSERT_EQ(list->records.size(), 2u);
  EXPECT_EQ(list->records[0].uid, 1u);
  EXPECT_EQ(list->records[0].base, "1763800000.M1P2.mx,S=1234,W=1260");
  ASSERT_EQ(list->records[0].fields.size(), 2u);
  EXPECT_EQ(list->records[0].fields[1], (std::pair<char, std::string>{'W', "1260"}));
  EXPECT_EQ(list->records[1].base, "1763800009.M3P2.mx");  // flags are not part of the name
}

TEST(UidlistTest, WritesItBackUnchangedInMeaning) {
  auto list = ParseUidlist(kDovecotWritten);
  ASSERT_TRUE(list);
  auto again = ParseUidlist(FormatUidlist(*list));
  ASSERT_TRUE(again);
  EXPECT_EQ(FormatUidlist(*again), FormatUidlist(*list));
  EXPECT_EQ(FormatUidlist(*list).substr(0, 52),
            "3 V1763800000 N4 G0123456789abcdef0123456789abcdef\n1");
}

TEST(UidlistTest, RecordsAppendedByDovecotMoveTheNextUid) {
  // What Dovecot 2.3 leaves after an IMAP APPEND: the new record, the old header.
  auto list = ParseUidlist("3 V1795388303 N3 Gdce2411f75a82adef072e04d99d401f1\n"
                           "1 W58 :a.vm,S=58,W=58\n2 W59 :b.vm,S=59,W=59\n"
                           "3 :c.vm,S=50,W=54\n");
  ASSERT_TRUE(list) << list.error().message();
  EXPECT_EQ(list->next_uid, 4u);
  EXPECT_EQ(list->records.back().uid, 3u);
}

TEST(UidlistTest, ReadsVersion1) {
  auto list = ParseUidlist("1 1100000000 3\n1 a.host\n2 b.host:2,S\n");
  ASSERT_TRUE(list);
  EXPECT_EQ(list->uid_validity, 1100000000u);
  EXPECT_EQ(list->records[1].base, "b.host");
}

TEST(UidlistTest, CorruptionNamesTheLine) {
  auto bad = [](std::string_view text) {
    auto list = ParseUidlist(text);
    return list ? std::string("ok") : list.error().message();
  };
  EXPECT_EQ(bad(""), "dovecot-uidlist line 1: no header");
  EXPECT_EQ(bad("2 V1 N2\n"), "dovecot-uidlist line 1: unsupported version '2'");
  EXPECT_EQ(bad("3 N2\n"), "dovecot-uidlist line 1: no UIDVALIDITY");
  EXPECT_EQ(bad("3 V1 N5\n2 :a\n2 :b\n"), "dovecot-uidlist line 3: UIDs not ascending");
  EXPECT_EQ(bad("3 V1 N5\n1 a\n"), "dovecot-uidlist line 2: no ':' before the file name");
  EXPECT_EQ(bad("3 V1 N5\nx :a\n"), "dovecot-uidlist line 2: bad UID");
  EXPECT_EQ(bad("3 V1 N5\n4294967295 :a\n"), "dovecot-uidlist line 2: UIDs exhausted");
}

}  // namespace
}  // namespace storage
