// spamtest, spamtestplus and virustest (RFC 5235): tests whose left-hand side is the
// normalized result of the spam or virus checker that saw the message before Sieve (status.h
// computes it from Pigeonhole's sieve_spamtest_* / sieve_virustest_* settings). The match type
// defaults to :is and the comparator to i;ascii-casemap (RFC 5235 §3.2, §3.3; the scripts
// compare with :value and name i;ascii-numeric themselves). Status: complete.
#include "sieve-lang/ext/builtin.h"
#include "sieve-lang/ext/spamtest/status.h"
#include "sieve-lang/match_type.h"
#include "sieve-lang/runtime.h"

namespace sieve {
namespace {

using spamvirus::Check;

// The normalized result as a value list, computed once per execution (a reload of the
// settings or a new message rebinds the runtime, which drops it). A message that was not
// tested yields no value at all, so its :count is "0" (RFC 5235 §3.1).
const std::vector<std::string>& Result(Runtime& rt, Check check, bool percent) {
  static constexpr char kVariant = 0;
  std::string_view key = check == Check::kVirus ? "virustest:"
                         : percent              ? "spamtest:percent"
                                                : "spamtest:";
  return rt.Memoized(key, &kVariant, [&] {
    auto first = [&rt](std::string_view name) -> std::optional<std::string> {
      const std::vector<std::string>& values = rt.DecodedHeaders(name);
      if (values.empty()) return std::nullopt;
      return values.front();
    };
    spamvirus::Verdict verdict = spamvirus::Classify(check, percent, rt.host(), first);
    if (!verdict.value) {
      if (rt.Tracing(TraceLevel::kTests)) rt.Trace(TraceLevel::kTests, 1, verdict.reason);
      return std::vector<std::string>{};
    }
    return std::vector<std::string>{std::move(*verdict.value)};
  });
}

TestOutcome Evaluate(Runtime& rt, const Operands& ops, Check check, bool percent) {
  const std::vector<std::string>& result = Result(rt, check, percent);
  if (!result.empty() || ops.match_type->CountsValues()) {
    return rt.MatchAny(ops, result, ops.positional[0].strings);
  }
  // Not tested: "0" (RFC 5235 §3.2.1, §3.2.2, §3.3), though :count sees no value (§3.1).
  return rt.MatchAny(ops, {"0"}, ops.positional[0].strings);
}

TestOutcome EvaluateSpam(Runtime& rt, const Operands& ops) {
  return Evaluate(rt, ops, Check::kSpam, ops.HasTag("percent"));
}

TestOutcome EvaluateVirus(Runtime& rt, const Operands& ops) {
  return Evaluate(rt, ops, Check::kVirus, false);
}

// spamtest [":percent"] [COMPARATOR] [MATCH-TYPE] <value: string>. One definition serves
// both capabilities; :percent comes only with spamtestplus (RFC 5235 §3.2: an error without).
const CommandDef& SpamtestTest() {
  static const CommandDef def{
      .name = "spamtest",
      .kind = CommandKind::kTest,
      .signature = {.positional = {{"value", ArgType::kString}}, .match_tags = true},
      .evaluate = EvaluateSpam,
  };
  return def;
}

// virustest [COMPARATOR] [MATCH-TYPE] <value: string> (RFC 5235 §3.3).
const CommandDef& VirustestTest() {
  static const CommandDef def{
      .name = "virustest",
      .kind = CommandKind::kTest,
      .signature = {.positional = {{"value", ArgType::kString}}, .match_tags = true},
      .evaluate = EvaluateVirus,
  };
  return def;
}

}  // namespace

const Extension& SpamtestExtension() {
  static const Extension ext{.name = "spamtest", .commands = {&SpamtestTest()}};
  return ext;
}

// Requiring "spamtestplus" alone makes spamtest available (RFC 5235 §3.2); :percent is an
// external tag so that it also works when a script requires both capabilities.
const Extension& SpamtestplusExtension() {
  static const Extension ext{
      .name = "spamtestplus",
      .commands = {&SpamtestTest()},
      .external_tags = {{"spamtest", {.name = "percent"}}},
  };
  return ext;
}

const Extension& VirustestExtension() {
  static const Extension ext{.name = "virustest", .commands = {&VirustestTest()}};
  return ext;
}

}  // namespace sieve
