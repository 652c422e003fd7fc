// variables (RFC 5229): set and its modifiers, the string test, expansion, match variables.
#include <gtest/gtest.h>

#include "sieve-lang/testing/script_runner.h"

namespace sieve {
namespace {

constexpr char kMessage[] =
    "From: Coyote <coyote@ACME.Example.COM>\r\n"
    "Subject: [acme-users] [fwd] version 1.0 is out\r\n"
    "List-Id: Acme users <acme-users.lists.example.com>\r\n\r\nbody\r\n";

std::string Outcome(std::string_view body) {
  const Engine& engine = testing::AllExtensionsEngine();
  std::string script = "require [\"variables\", \"fileinto\", \"relational\"];\n" +
                       std::string(body);
  return testing::RunScript(engine, script, kMessage, {.from = "a@example.org", .to = "b@x.org"});
}

struct Case {
  const char* script;
  const char* expected;
};

TEST(VariablesTest, Table) {
  const Case cases[] = {
      {"set \"f\" \"Lists\"; fileinto \"${f}\";", "store Lists"},
      {"set \"F\" \"x\"; fileinto \"${f}-${F}\";", "store x-x"},  // names ignore case
      {"fileinto \"a${unset}b\";", "store ab"},
      {"fileinto \"a${not a name}b\";", "store a${not a name}b"},  // malformed: literal
      {"set :upper \"v\" \"abc\"; fileinto \"${v}\";", "store ABC"},
      {"set :lower :upperfirst \"v\" \"hELLO\"; fileinto \"${v}\";", "store Hello"},
      {"set :length \"v\" \"Grüße\"; fileinto \"${v}\";", "store 5"},
      {"set :quotewildcard \"v\" \"a*b?c\\\\\"; fileinto \"${v}\";", "store a\\*b\\?c\\\\"},
      {"if header :matches \"subject\" \"[*] *\" { fileinto \"${1}/${2}\"; }",
       "store acme-users/[fwd] version 1.0 is out"},
      {"if address :matches \"from\" \"coyote@**.com\" { fileinto \"${0}|${1}|${2}\"; }",
       "store coyote@ACME.Example.COM||ACME.Example"},
      {"if header :matches \"subject\" \"*\" {} if header :is \"subject\" \"x\" {} "
       "fileinto \"${1}\";",
       "store [acme-users] [fwd] version 1.0 is out"},  // only :matches sets them
      {"fileinto \"${1}${01}x\";", "store x"},
      {"set \"a\" \"b\"; if string :is \"${a}\" \"b\" { discard; }", "discard"},
      {"if string :count \"eq\" [\"\", \"x\", \"\"] \"1\" { discard; }", "discard"},
      {"set \"0\" \"x\";", "COMPILE ERROR: 2:1: error: invalid variable name '0' "
                           "0:0: error: validation failed"},
      {"fileinto \"${33}\";",
       "COMPILE ERROR: 2:10: error: match value index 33 is out of range (max 32) "
       "0:0: error: validation failed"},
  };
  for (const Case& c : cases) EXPECT_EQ(Outcome(c.script), c.expected) << c.script;
}

TEST(VariablesTest, LongValuesAreTruncated) {
  std::string big(5000, 'x');
  EXPECT_EQ(Outcome("set \"v\" \"" + big + "\"; set :length \"n\" \"${v}\"; fileinto \"${n}\";"),
            "store 4096");
}

}  // namespace
}  // namespace sieve
