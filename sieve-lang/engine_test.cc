// End-to-end engine tests: compile a script, run it on a message with FakeHost, and compare
// the actions (RFC 5228 §2.10 semantics) with a table.
#include <gtest/gtest.h>

#include "sieve-lang/sieve.h"
#include "sieve-lang/testing/fake_host.h"
#include "sieve-lang/testing/script_runner.h"

namespace sieve {
namespace {

constexpr char kMessage[] =
    "Return-Path: <alice@example.org>\r\n"
    "From: Alice Example <alice@Example.org>\r\n"
    "To: bob@example.com, \"Carol Q\" <carol+lists@example.net>\r\n"
    "Cc: undisclosed-recipients:;\r\n"
    "Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?= from the [sieve] list\r\n"
    "List-Id: Sieve users <sieve.lists.example.org>\r\n"
    "X-Spam-Score: 12\r\n"
    "X-Multi: one\r\n"
    "X-Multi: two\r\n"
    "\r\n"
    "Hello Bob,\r\nthis is the body.\r\n";

struct Case {
  const char* name;
  const char* script;
  const char* expected;  // actions joined by "; ", then " | keep" when implicit keep stays
};

std::string RunScript(const Engine& engine, const char* script, const Envelope& envelope) {
  return testing::RunScript(engine, script, kMessage, envelope);
}

const Case kCases[] = {
    {"empty script keeps", "", " | keep"},
    {"explicit keep", "keep;", "keep INBOX"},
    {"discard", "discard;", "discard"},
    {"stop keeps implicitly", "stop; discard;", " | keep"},
    {"fileinto", "require \"fileinto\"; fileinto \"Lists\";", "store Lists"},
    {"fileinto copy keeps", "require [\"fileinto\", \"copy\"]; fileinto :copy \"A\";",
     "store A :copy | keep"},
    {"duplicate fileinto merged", "require \"fileinto\"; fileinto \"A\"; fileinto \"A\";",
     "store A"},
    {"keep and fileinto INBOX merge", "require \"fileinto\"; keep; fileinto \"INBOX\";",
     "keep INBOX"},
    {"redirect", "redirect \"x@example.com\";", "redirect x@example.com"},
    {"duplicate redirect merged", "redirect \"x@example.com\"; redirect \"X@example.com\";",
     "redirect x@example.com"},
    {"redirect copy", "require \"copy\"; redirect :copy \"x@example.com\";",
     "redirect x@example.com :copy | keep"},
    {"header is decoded (RFC 2047)",
     "if header :contains \"subject\" \"Grüße\" { discard; }", "discard"},
    {"header default comparator is case-insensitive",
     "if header :is \"X-Multi\" \"TWO\" { discard; }", "discard"},
    {"header i;octet is case-sensitive",
     "if header :comparator \"i;octet\" :is \"X-Multi\" \"TWO\" { discard; }", " | keep"},
    {"header matches wildcard", "if header :matches \"subject\" \"*[sieve]*\" { discard; }",
     "discard"},
    {"header matches escaped star is literal",
     "if header :matches \"subject\" \"Gr*\\\\*\" { discard; }", " | keep"},
    {"header matches escaped digit", "if header :matches \"x-spam-score\" \"1\\\\2\" { discard; }",
     "discard"},
    {"header matches question mark is one character",
     "if header :matches \"x-spam-score\" \"?\" { discard; }", " | keep"},
    {"missing header is false", "if header :contains \"x-nope\" \"\" { discard; }", " | keep"},
    {"address domain", "if address :domain \"from\" \"example.org\" { discard; }", "discard"},
    {"address localpart", "if address :localpart \"to\" \"carol+lists\" { discard; }",
     "discard"},
    {"address all of group", "if address :all \"to\" \"bob@example.com\" { discard; }",
     "discard"},
    {"envelope from", "require \"envelope\"; if envelope \"from\" \"alice@example.org\" "
                      "{ discard; }",
     "discard"},
    {"envelope to domain",
     "require \"envelope\"; if envelope :domain \"to\" \"example.com\" { discard; }", "discard"},
    {"exists all", "if exists [\"from\", \"x-multi\"] { discard; }", "discard"},
    {"exists not all", "if exists [\"from\", \"x-none\"] { discard; }", " | keep"},
    {"size over", "if size :over 100 { discard; }", "discard"},
    {"size under", "if size :under 1K { discard; }", "discard"},
    {"not", "if not true { discard; }", " | keep"},
    {"allof short-circuit", "if allof (true, false) { discard; }", " | keep"},
    {"anyof", "if anyof (false, true) { discard; }", "discard"},
    {"nested allof/anyof/not",
     "if allof (anyof (false, header :contains \"subject\" \"list\"), not false) { discard; }",
     "discard"},
    {"elsif chain", "if false { discard; } elsif true { keep; } else { discard; }",
     "keep INBOX"},
    {"else branch", "require \"fileinto\"; if false { keep; } elsif false { discard; } "
                    "else { fileinto \"E\"; }",
     "store E"},
    {"ascii-numeric",
     "require \"comparator-i;ascii-numeric\"; if header :comparator \"i;ascii-numeric\" :is "
     "\"x-spam-score\" \"012\" { discard; }",
     "discard"},
    {"unicode-casemap", "if header :comparator \"i;unicode-casemap\" :contains \"subject\" "
                        "\"GRÜSSE\" { discard; }",
     "discard"},
    {"encoded-character", "require [\"encoded-character\", \"fileinto\"]; "
                          "fileinto \"${hex:41 42}${unicode:263a}\";",
     "store AB\xE2\x98\xBA"},
    {"too many redirects", "redirect \"a@x.org\"; redirect \"b@x.org\"; redirect \"c@x.org\"; "
                           "redirect \"d@x.org\"; redirect \"e@x.org\";",
     "RUNTIME ERROR: number of redirect actions exceeds policy limit (5 > 4)  | keep"},
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

class EngineTest : public ::testing::TestWithParam<Case> {};

TEST_P(EngineTest, Actions) {
  Engine engine(BuiltinRegistry(), Options{});
  Envelope env{.from = "alice@example.org", .to = "bob@example.com"};
  EXPECT_EQ(RunScript(engine, GetParam().script, env), GetParam().expected) << GetParam().script;
}

INSTANTIATE_TEST_SUITE_P(Table, EngineTest, ::testing::ValuesIn(kCases),
                         [](const auto& info) {
                           std::string name;
                           for (const char* p = info.param.name; *p; ++p) {
                             name += std::isalnum(static_cast<unsigned char>(*p)) ? *p : '_';
                           }
                           return name;
                         });

TEST(EngineLimitsTest, MaxActions) {
  Options options;
  options.limits.max_actions = 2;
  Engine engine(BuiltinRegistry(), options);
  Envelope env;
  EXPECT_EQ(RunScript(engine, "require \"fileinto\"; fileinto \"a\"; fileinto \"b\"; fileinto \"c\";",
                env),
            "RUNTIME ERROR: total number of actions exceeds policy limit (3 > 2)  | keep");
}

// sieve_max_cpu_time stops a script that keeps the CPU busy, and the implicit keep applies.
TEST(EngineLimitsTest, CpuTime) {
  std::string message = "From: a@example.com\r\nContent-Type: multipart/mixed; boundary=B\r\n\r\n";
  for (int i = 0; i < 50; ++i) message += "--B\r\nContent-Type: text/plain\r\n\r\npart\r\n";
  message += "--B--\r\n";
  std::string script =
      "require [\"foreverypart\", \"variables\", \"regex\"];\n"
      "set \"s\" \"${hex:61}\";\n";
  for (int i = 0; i < 12; ++i) script += "set \"s\" \"${s}${s}\";\n";  // 4096 bytes
  script += "foreverypart {\n";
  for (int i = 0; i < 40; ++i) script += "  if string :regex \"${s}\" \"(a|b)*c\" { stop; }\n";
  script += "}\n";
  script = "require \"encoded-character\";\n" + script;
  Options options{.all_extensions = true};
  ASSERT_TRUE(ApplySetting(options, "sieve_max_cpu_time", "1ms").ok());
  EXPECT_EQ(testing::RunScript(Engine(BuiltinRegistry(), options), script, message, {}),
            "RUNTIME ERROR: execution exceeded the CPU time limit (sieve_max_cpu_time 1 ms)  | keep");
  ASSERT_TRUE(ApplySetting(options, "sieve_max_cpu_time", "0").ok());
  EXPECT_EQ(testing::RunScript(Engine(BuiltinRegistry(), options), script, message, {}), " | keep");
  EXPECT_FALSE(ApplySetting(options, "sieve_max_cpu_time", "soon").ok());
}

TEST(EngineLimitsTest, ScriptSize) {
  Options options;
  ASSERT_TRUE(ApplySetting(options, "sieve_max_script_size", "10").ok());
  Engine engine(BuiltinRegistry(), options);
  CompileOutput out = engine.Compile("keep; keep; keep;", "big");
  ASSERT_FALSE(out.program);
  EXPECT_EQ(out.diagnostics.at(0).message,
            "script is too large (17 bytes; sieve_max_script_size is 10)");
}

TEST(EngineLimitsTest, NullSenderMatchesEmptyString) {
  Engine engine(BuiltinRegistry(), Options{});
  Envelope env{.from = "", .to = "bob@example.com"};
  EXPECT_EQ(RunScript(engine, "require \"envelope\"; if envelope :localpart \"from\" \"\" "
                        "{ discard; }",
                env),
            "discard");
}

TEST(EngineSettingsTest, ExtensionsSpec) {
  Options options;
  ASSERT_TRUE(ApplySetting(options, "sieve_extensions", "-fileinto").ok());
  Engine engine(BuiltinRegistry(), options);
  CompileOutput out = engine.Compile("require \"fileinto\";", "x");
  ASSERT_FALSE(out.program);
  EXPECT_EQ(FormatShort(out.diagnostics.at(0)),
            "1:1: error: require command: unsupported extension 'fileinto' (a known Sieve "
            "capability, but not available on this server)");
  EXPECT_EQ(engine.enabled().CapabilityString(engine.registry()).find("fileinto"),
            std::string::npos);
  EXPECT_FALSE(ApplySetting(options, "sieve_max_actions", "lots").ok());
  EXPECT_EQ(ApplySetting(options, "mail_location", "x").code(), base::Status::Code::kNotFound);
}

TEST(EngineSettingsTest, GlobalAndImplicitExtensions) {
  Options options;
  ASSERT_TRUE(ApplySetting(options, "sieve_extensions", "-vnd.dovecot.debug -fileinto").ok());
  ASSERT_TRUE(ApplySetting(options, "sieve_global_extensions", "+vnd.dovecot.debug").ok());
  ASSERT_TRUE(ApplySetting(options, "sieve_implicit_extensions", "fileinto nonsense").ok());
  Engine engine(BuiltinRegistry(), options);
  EXPECT_EQ(engine.config_warnings().size(), 1u);  // "nonsense"
  const std::string debug = "require \"vnd.dovecot.debug\"; debug_log \"x\";";
  // Only an admin's (global) script may use a sieve_global_extensions entry.
  EXPECT_FALSE(engine.Compile(debug, "user").program);
  CompileOutput global = engine.Compile(debug, "admin", nullptr, /*global_script=*/true);
  ASSERT_TRUE(global.program);
  EXPECT_FALSE(engine.Load(global.program->bytes()));
  EXPECT_TRUE(engine.Load(global.program->bytes(), /*global_script=*/true));
  // An implicit extension needs no require (and a require of it is still fine), even though
  // sieve_extensions leaves it out; it is not advertised as a capability.
  EXPECT_TRUE(engine.Compile("fileinto \"A\";", "x").program);
  EXPECT_TRUE(engine.Compile("require \"fileinto\"; fileinto \"A\";", "x").program);
  const std::string caps = engine.enabled().CapabilityString(engine.registry());
  EXPECT_EQ(caps.find("fileinto"), std::string::npos);
  EXPECT_EQ(caps.find("vnd.dovecot.debug"), std::string::npos);
}

}  // namespace
}  // namespace sieve
