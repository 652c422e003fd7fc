// body (RFC 5173): :raw, :text and :content over single-part and MIME messages.
#include <gtest/gtest.h>

#include "sieve-lang/testing/script_runner.h"

namespace sieve {
namespace {

constexpr char kMime[] =
    "Content-Type: multipart/alternative; boundary=b\r\n\r\n"
    "preamble words\r\n"
    "--b\r\nContent-Type: text/plain; charset=iso-8859-1\r\n"
    "Content-Transfer-Encoding: quoted-printable\r\n\r\nGr=FC=DFe aus K=F6ln\r\n"
    "--b\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: base64\r\n\r\n"
    "PGI+Qm9sZDwvYj4gaGVsbG8=\r\n"
    "--b\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 invoice\r\n"
    "--b--\r\n";

std::string Outcome(std::string_view test, std::string_view message = kMime) {
  return testing::RunScript(testing::AllExtensionsEngine(),
                            "require [\"body\"];\nif " + std::string(test) + " { discard; }",
                            message, {});
}

TEST(BodyTest, TextDecodesAndConvertsTextParts) {
  EXPECT_EQ(Outcome("body :text :contains \"Grüße aus Köln\""), "discard");
  EXPECT_EQ(Outcome("body :contains \"Bold hello\""), "discard");  // tags stripped
  EXPECT_EQ(Outcome("body :text :contains \"invoice\""), " | keep");  // not text
  EXPECT_EQ(Outcome("body :text :contains \"preamble\""), " | keep");
}

TEST(BodyTest, RawIsTheBodyAsTransmitted) {
  EXPECT_EQ(Outcome("body :raw :contains \"Gr=FC=DFe\""), "discard");
  EXPECT_EQ(Outcome("body :raw :contains \"preamble\""), "discard");
}

TEST(BodyTest, ContentSelectsPartsByType) {
  EXPECT_EQ(Outcome("body :content \"application/pdf\" :contains \"invoice\""), "discard");
  EXPECT_EQ(Outcome("body :content \"text\" :contains \"invoice\""), " | keep");
  EXPECT_EQ(Outcome("body :content \"text/html\" :contains \"<b>Bold\""), "discard");
  EXPECT_EQ(Outcome("body :content \"\" :contains \"PDF\""), "discard");
}

TEST(BodyTest, HeaderOnlyMessageHasNoBody) {
  EXPECT_EQ(Outcome("body :raw :contains \"\"", "Subject: x\r\n"), " | keep");
  EXPECT_EQ(Outcome("body :raw :is \"\"", "Subject: x\r\n\r\n"), "discard");
}

}  // namespace
}  // namespace sieve
