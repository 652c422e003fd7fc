// mime, foreverypart, extracttext (RFC 5703 §3-7): loops over parts, :mime header access,
// break, and the text of a part.
#include <gtest/gtest.h>

#include "sieve-lang/testing/fake_scripts.h"
#include "sieve-lang/testing/script_runner.h"

namespace sieve {
namespace {

constexpr char kMessage[] =
    "From: a@example.com\r\n"
    "Subject: parts\r\n"
    "Content-Type: multipart/mixed; boundary=XX\r\n"
    "\r\n"
    "--XX\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n"
    "\r\n"
    "Hello there, general Kenobi\r\n"
    "--XX\r\n"
    "Content-Type: application/pdf; name=\"invoice.pdf\"\r\n"
    "Content-Disposition: attachment; filename=\"invoice.pdf\"\r\n"
    "\r\n"
    "JVBERi0=\r\n"
    "--XX--\r\n";

std::string Outcome(std::string_view body) {
  std::string script =
      "require [\"mime\", \"foreverypart\", \"extracttext\", \"variables\", \"fileinto\"];\n" +
      std::string(body);
  return testing::RunScript(testing::AllExtensionsEngine(), script, kMessage, {});
}

TEST(MimeTest, ForeverypartVisitsEveryPartInOrder) {
  EXPECT_EQ(Outcome("set \"seen\" \"\";\n"
                    "foreverypart { if header :mime :matches :contenttype \"content-type\" \"*\" {\n"
                    "  set \"seen\" \"${seen}[${0}]\"; } }\n"
                    "fileinto \"${seen}\";"),
            "store [multipart/mixed][text/plain][application/pdf]");
}

TEST(MimeTest, ParamAndAnychild) {
  EXPECT_EQ(Outcome("if header :mime :anychild :matches :param \"filename\" \"content-disposition\" "
                    "\"*.pdf\" { fileinto \"Invoices\"; }"),
            "store Invoices");
  // Without :anychild only the current part (the message itself) is looked at.
  EXPECT_EQ(Outcome("if header :mime :matches :param \"filename\" \"content-disposition\" \"*.pdf\" "
                    "{ fileinto \"Invoices\"; }"),
            " | keep");
  EXPECT_EQ(Outcome("if exists :mime :anychild \"content-disposition\" { discard; }"),
            "discard");
}

TEST(MimeTest, BreakLeavesTheLoop) {
  EXPECT_EQ(Outcome("set \"n\" \"\";\n"
                    "foreverypart :name \"outer\" { set \"n\" \"${n}x\";\n"
                    "  if header :mime :type \"content-type\" \"text\" { break :name \"outer\"; }\n"
                    "}\nfileinto \"${n}\";"),
            "store xx");
}

TEST(MimeTest, NestedLoopVisitsPartsBelowTheCurrentOne) {
  EXPECT_EQ(Outcome("set \"n\" \"\";\n"
                    "foreverypart { foreverypart { set \"n\" \"${n}i\"; } set \"n\" \"${n}o\"; }\n"
                    "fileinto \"${n}\";"),
            "store iiooo");
}

TEST(MimeTest, ExtracttextTakesTheCurrentPartsText) {
  EXPECT_EQ(Outcome("foreverypart { if header :mime :type \"content-type\" \"text\" {\n"
                    "  extracttext :first 11 :upper \"t\"; fileinto \"${t}\"; } }"),
            "store HELLO THERE");
}

TEST(MimeTest, CompileErrors) {
  EXPECT_NE(Outcome("break;").find("not inside a foreverypart"), std::string::npos);
  EXPECT_NE(Outcome("extracttext \"x\";").find("only allowed inside foreverypart"),
            std::string::npos);
  EXPECT_NE(Outcome("if header :anychild \"to\" \"x\" {}").find("requires the :mime"),
            std::string::npos);
  EXPECT_NE(Outcome("foreverypart { foreverypart { foreverypart { foreverypart {"
                    " foreverypart { } } } } }")
                .find("nest deeper"),
            std::string::npos);
}

TEST(MimeTest, ExtracttextNeedsForeverypartRequired) {
  std::string out = testing::RunScript(testing::AllExtensionsEngine(),
                                       "require [\"extracttext\", \"variables\"];\nkeep;",
                                       kMessage, {});
  EXPECT_NE(out.find("1:1: error: the extracttext extension cannot be used without the "
                     "foreverypart extension"),
            std::string::npos)
      << out;
}

// RFC 5703 leaves the depth to the implementation; a chain of includes, each adding a loop,
// must stop at the same depth a single script may use.
TEST(MimeTest, LoopsNestedThroughIncludeHitTheLimitAtRunTime) {
  // Multiparts nested five deep, so that every loop level has parts to visit.
  std::string deep = "From: a@example.com\r\n";
  for (int i = 0; i < 5; ++i) {
    deep += "Content-Type: multipart/mixed; boundary=B" + std::to_string(i) + "\r\n\r\n--B" +
            std::to_string(i) + "\r\n";
  }
  deep += "Content-Type: text/plain\r\n\r\nleaf\r\n";
  for (int i = 4; i >= 0; --i) deep += "--B" + std::to_string(i) + "--\r\n";
  testing::FakeScripts scripts;
  for (int level = 2; level <= 5; ++level) {
    std::string next = level < 5 ? "include \"level" + std::to_string(level + 1) + "\";" : "";
    scripts.Add(ScriptLocation::kPersonal, "level" + std::to_string(level),
                "require [\"foreverypart\", \"include\", \"fileinto\"];\n"
                "foreverypart { " + next + " fileinto \"L" + std::to_string(level) + "\"; }");
  }
  std::string out = testing::RunScript(
      testing::AllExtensionsEngine(),
      "require [\"foreverypart\", \"include\"];\nforeverypart { include \"level2\"; }",
      deep, {}, nullptr, &scripts);
  EXPECT_NE(out.find("level5' line 2: foreverypart loops nest deeper than 4"), std::string::npos)
      << out;
  // Four levels are fine.
  out = testing::RunScript(
      testing::AllExtensionsEngine(),
      "require [\"foreverypart\", \"include\"];\nforeverypart { include \"level3\"; }",
      deep, {}, nullptr, &scripts);
  EXPECT_EQ(out.find("RUNTIME ERROR"), std::string::npos) << out;
}

}  // namespace
}  // namespace sieve
