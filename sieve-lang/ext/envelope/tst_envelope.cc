// RFC 5228 §5.4 envelope: compares parts of the SMTP envelope addresses. The null
// reverse-path matches as the empty string whatever the address part.
#include <algorithm>

#include "base/strings.h"
#include "mail/address.h"
#include "sieve-lang/runtime.h"
#include "sieve-lang/validator.h"

namespace sieve::ext {
namespace {

// "auth" is Pigeonhole's non-standard part: the authenticated submitter.
constexpr std::string_view kParts[] = {"from", "to", "auth"};

bool Validate(ValidationContext& ctx, Node& node) {
  for (const std::string& part : node.operands.positional[0].strings) {
    std::string lower = base::AsciiToLower(part);
    if (std::find(std::begin(kParts), std::end(kParts), lower) == std::end(kParts)) {
      ctx.Error(node.location,
                "specified envelope part '" + part + "' is not supported by the envelope test");
      return false;
    }
  }
  return true;
}

void AddPathValues(std::string_view path, const AddressPart& part, const Host& host,
                   bool null_allowed, std::vector<std::string>& values) {
  if (path.empty()) {
    if (null_allowed) values.emplace_back();
    return;
  }
  auto address = mail::ParseEnvelopePath(path);
  if (!address) {
    if (part.name() == "all") values.emplace_back(path);
    return;
  }
  if (auto v = part.Extract(*address, host)) values.push_back(std::move(*v));
}

// The values of one envelope part, parsed once per execution however many rules ask.
const std::vector<std::string>& PartValues(Runtime& rt, std::string_view lower,
                                           const AddressPart& part) {
  return rt.Memoized("envelope:" + std::string(lower), &part, [&] {
    std::vector<std::string> values;
    const Envelope& env = rt.envelope();
    if (lower == "from") AddPathValues(env.from, part, rt.host(), true, values);
    if (lower == "to") AddPathValues(env.to, part, rt.host(), false, values);
    if (lower == "auth") AddPathValues(env.auth, part, rt.host(), false, values);
    return values;
  });
}

TestOutcome Evaluate(Runtime& rt, const Operands& ops) {
  const auto& parts = ops.positional[0].strings;
  if (parts.size() == 1) {
    return rt.MatchAny(ops, PartValues(rt, base::AsciiToLower(parts[0]), *ops.address_part),
                       ops.positional[1].strings);
  }
  std::vector<std::string> values;
  for (const std::string& part : parts) {
    const auto& more = PartValues(rt, base::AsciiToLower(part), *ops.address_part);
    values.insert(values.end(), more.begin(), more.end());
  }
  return rt.MatchAny(ops, values, ops.positional[1].strings);
}

}  // namespace

const CommandDef& EnvelopeTest() {
  static const CommandDef def{
      .name = "envelope",
      .kind = CommandKind::kTest,
      .signature = {.positional = {{"envelope part", ArgType::kStringList},
                                   {"key list", ArgType::kStringList}},
                    .match_tags = true,
                    .address_part_tags = true},
      .validate = Validate,
      .evaluate = Evaluate,
  };
  return def;
}

}  // namespace sieve::ext
