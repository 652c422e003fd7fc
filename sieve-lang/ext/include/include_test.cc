// include (RFC 6609): compile-time resolution, run-time semantics and the binary format.
#include <gtest/gtest.h>

#include "sieve-lang/testing/fake_scripts.h"
#include "sieve-lang/testing/script_runner.h"

namespace sieve {
namespace {

using testing::FakeScripts;

constexpr char kMessage[] = "From: a@example.com\r\nSubject: hello\r\n\r\nbody\r\n";

std::string RunWith(std::string_view script, const FakeScripts& scripts) {
  return testing::RunScript(testing::AllExtensionsEngine(), script, kMessage, {}, nullptr,
                            &scripts);
}

TEST(IncludeTest, IncludedActionsJoinTheResult) {
  FakeScripts scripts;
  scripts.Add(ScriptLocation::kPersonal, "lists", "require \"fileinto\"; fileinto \"Lists\";");
  scripts.Add(ScriptLocation::kGlobal, "spam", "require \"fileinto\"; fileinto \"Junk\";");
  EXPECT_EQ(RunWith("require \"include\"; include \"lists\"; include :global \"spam.sieve\";",
                scripts),
            "store Lists; store Junk");
}

TEST(IncludeTest, PersonalAndGlobalAreDifferentScripts) {
  FakeScripts scripts;
  scripts.Add(ScriptLocation::kGlobal, "x", "require \"fileinto\"; fileinto \"G\";");
  EXPECT_NE(RunWith("require \"include\"; include :personal \"x\";", scripts).find(
                "personal script 'x' does not exist"),
            std::string::npos);
}

TEST(IncludeTest, ReturnEndsOnlyTheIncludedScript) {
  FakeScripts scripts;
  scripts.Add(ScriptLocation::kPersonal, "early",
              "require [\"include\", \"fileinto\"]; fileinto \"A\"; return; fileinto \"B\";");
  EXPECT_EQ(RunWith("require [\"include\", \"fileinto\"]; include \"early\"; fileinto \"C\";",
                scripts),
            "store A; store C");
}

TEST(IncludeTest, StopInIncludedScriptEndsEverything) {
  FakeScripts scripts;
  scripts.Add(ScriptLocation::kPersonal, "halt", "discard; stop;");
  EXPECT_EQ(RunWith("require [\"include\", \"fileinto\"]; include \"halt\"; fileinto \"C\";",
                scripts),
            "discard");  // not "discard; store C"
}

TEST(IncludeTest, OnceRunsAScriptOnlyOnce) {
  FakeScripts scripts;
  scripts.Add(ScriptLocation::kPersonal, "count",
              "require [\"include\", \"variables\"]; global \"n\"; set \"n\" \"${n}x\";");
  EXPECT_EQ(RunWith("require [\"include\", \"variables\", \"fileinto\"]; global \"n\";"
                "include \"count\"; include :once \"count\"; include \"count\";"
                "fileinto \"${n}\";",
                scripts),
            "store xx");
}

TEST(IncludeTest, LocalVariablesStayLocalGlobalsAreShared) {
  FakeScripts scripts;
  scripts.Add(ScriptLocation::kPersonal, "inner",
              "require [\"include\", \"variables\"]; set \"local\" \"inner\";"
              "set \"global.g\" \"from-inner\";");
  EXPECT_EQ(RunWith("require [\"include\", \"variables\", \"fileinto\"]; set \"local\" \"outer\";"
                "include \"inner\"; fileinto \"${local}-${global.g}\";",
                scripts),
            "store outer-from-inner");
}

TEST(IncludeTest, CompileErrors) {
  FakeScripts scripts;
  scripts.Add(ScriptLocation::kPersonal, "loop", "require \"include\"; include \"loop\";");
  scripts.Add(ScriptLocation::kPersonal, "broken", "keep keep;");
  std::string circular = RunWith("require \"include\"; include \"loop\";", scripts);
  EXPECT_NE(circular.find("loop:1:20:"), std::string::npos) << circular;
  EXPECT_NE(circular.find("circular include"), std::string::npos) << circular;
  std::string broken = RunWith("require \"include\"; include \"broken\";", scripts);
  EXPECT_NE(broken.find("broken:1:"), std::string::npos) << broken;
  EXPECT_NE(broken.find("failed to compile included personal script 'broken'"),
            std::string::npos);
  EXPECT_NE(RunWith("require \"include\"; include \"../etc/passwd\";", scripts).find("'/'"),
            std::string::npos);
  EXPECT_NE(RunWith("require \"include\"; global \"x\";", scripts).find("requires the variables"),
            std::string::npos);
  scripts.set_broken(true);
  EXPECT_NE(RunWith("require \"include\"; include \"x\";", scripts).find("storage unavailable"),
            std::string::npos);
}

TEST(IncludeTest, OptionalMissingScriptIsSkipped) {
  FakeScripts scripts;
  EXPECT_EQ(RunWith("require [\"include\", \"fileinto\"]; include :optional \"none\";"
                "fileinto \"X\";",
                scripts),
            "store X");
}

TEST(IncludeTest, WithoutStorageIncludeIsAnError) {
  CompileOutput out = testing::AllExtensionsEngine().Compile(
      "require \"include\"; include \"x\";", "test");
  EXPECT_FALSE(out.program);
}

TEST(IncludeTest, BinaryCarriesIncludedScriptsAndRejectsDamage) {
  FakeScripts scripts;
  scripts.Add(ScriptLocation::kPersonal, "a", "require \"fileinto\"; fileinto \"A\";");
  const Engine& engine = testing::AllExtensionsEngine();
  CompileOutput out = engine.Compile("require \"include\"; include \"a\";", "main", &scripts);
  ASSERT_TRUE(out.program);
  auto loaded = engine.Load(out.program->bytes());
  ASSERT_TRUE(loaded) << loaded.error().ToString();
  ASSERT_EQ(loaded->included().size(), 1u);
  EXPECT_EQ(loaded->included()[0].name, "a");
  EXPECT_EQ(loaded->Disassemble(), out.program->Disassemble());
  std::string damaged = out.program->bytes();
  damaged[damaged.size() - 3] ^= 0x40;
  EXPECT_FALSE(engine.Load(damaged));
  EXPECT_FALSE(engine.Load(std::string_view(out.program->bytes()).substr(
      0, out.program->bytes().size() - 5)));
}

}  // namespace
}  // namespace sieve
