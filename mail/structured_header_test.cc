#include "mail/structured_header.h"

#include <gtest/gtest.h>

namespace mail {
namespace {

TEST(StructuredHeaderTest, DispositionWithoutSubtypeKeepsParams) {
  StructuredHeader h = ParseStructuredHeader(
      " Attachment (a comment); filename=\"frop \\\"x\\\".exe\";  SIZE=12 ; junk");
  EXPECT_EQ(h.type, "attachment");
  EXPECT_EQ(h.subtype, "");
  ASSERT_EQ(h.params.size(), 2u);
  EXPECT_EQ(h.params[0], (std::pair<std::string, std::string>{"filename", "frop \"x\".exe"}));
  EXPECT_EQ(h.params[1], (std::pair<std::string, std::string>{"size", "12"}));
  EXPECT_EQ(ParseStructuredHeader("Text/Calendar; method=REQUEST").subtype, "calendar");
}

}  // namespace
}  // namespace mail
