// RFC 2231: continued and encoded parameter values.
#include "mail/internal/param_continuations.h"

#include <gtest/gtest.h>

#include "mail/internal/content_type.h"

namespace mail::internal {
namespace {

using Params = std::vector<std::pair<std::string, std::string>>;

Params Joined(Params params) {
  JoinExtendedParams(params);
  return params;
}

TEST(ParamContinuationsTest, PlainParametersAreLeftAlone) {
  EXPECT_EQ(Joined({{"charset", "utf-8"}, {"name", "a*b"}}),
            (Params{{"charset", "utf-8"}, {"name", "a*b"}}));
}

TEST(ParamContinuationsTest, SectionsJoinInNumberOrderAtTheFirstOnesPlace) {
  EXPECT_EQ(Joined({{"a", "1"}, {"url*1", "/b"}, {"x", "2"}, {"url*0", "ftp://h"}}),
            (Params{{"a", "1"}, {"url", "ftp://h/b"}, {"x", "2"}}));
}

TEST(ParamContinuationsTest, EncodedSectionsArePercentDecodedFromTheirCharset) {
  EXPECT_EQ(Joined({{"title*", "iso-8859-1'fr'Caf%E9"}}), (Params{{"title", "Café"}}));
  EXPECT_EQ(Joined({{"title*0*", "us-ascii'en'This%20is%20"}, {"title*1*", "%2A%2Afun%2A%2A"},
                    {"title*2", " isn't it!"}}),
            (Params{{"title", "This is **fun** isn't it!"}}));
  // A stray '%' stays; an unknown charset leaves the bytes as sent.
  EXPECT_EQ(Joined({{"p*", "''100%"}}), (Params{{"p", "100%"}}));
  EXPECT_EQ(Joined({{"p*", "x-nonsense''a%41"}}), (Params{{"p", "aA"}}));
}

TEST(ParamContinuationsTest, ExtendedValueReplacesAPlainOne) {
  EXPECT_EQ(Joined({{"filename", "Caf_.txt"}, {"filename*", "utf-8''Caf%C3%A9.txt"}}),
            (Params{{"filename", "Café.txt"}}));
}

TEST(ParamContinuationsTest, AGapEndsTheValue) {
  EXPECT_EQ(Joined({{"n*0", "a"}, {"n*2", "c"}}), (Params{{"n", "a"}}));
  EXPECT_EQ(Joined({{"n*01", "a"}}), (Params{{"n*01", "a"}}));  // not a section number
}

TEST(ParamContinuationsTest, ContentTypeParsingJoinsThem) {
  ContentType ct = ParseContentType(
      "application/x-stuff;\r\n\ttitle*0*=us-ascii'en'This%20is%20even%20more%20;\r\n"
      "\ttitle*1*=%2A%2A%2Afun%2A%2A%2A%20;\r\n\ttitle*2=\"isn't it!\"");
  ASSERT_TRUE(ct.valid);
  EXPECT_EQ(ct.params, (Params{{"title", "This is even more ***fun*** isn't it!"}}));
}

}  // namespace
}  // namespace mail::internal
