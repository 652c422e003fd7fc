// Program names (spec-bosch-sieve-extprograms §3) and arguments (§4).
#include "base/program_runner.h"
#include "base/strings.h"
#include "sieve-lang/ext/editheader/editheader.h"
#include "sieve-lang/ext/extprograms/extprograms.h"
#include "sieve-lang/ext/extprograms/limits.h"
#include "sieve-lang/node.h"
#include "sieve-lang/validator.h"

namespace sieve::ext {
namespace {

// The code point starting at `s[i]` (valid UTF-8 assumed); advances `i` past it.
char32_t NextCodePoint(std::string_view s, size_t& i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char lead = byte(i);
  size_t len = lead < 0x80 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
  char32_t cp = len == 1 ? lead : lead & (0x7f >> len);
  for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (byte(i + k) & 0x3f);
  i += len;
  return cp;
}

bool RefersToVariables(const ValidationContext& ctx, std::string_view text) {
  return ctx.IsLoaded("variables") && text.find("${") != std::string_view::npos;
}

const std::vector<std::string>& Arguments(const Operands& ops) {
  static const std::vector<std::string> kNone;
  return ops.positional.size() > 1 ? ops.positional[1].strings : kNone;
}

std::string InvalidName(std::string_view what, std::string_view name) {
  return std::string(what) + ": invalid program name '" + Sanitized(name) + "'";
}

std::string InvalidArgument(std::string_view what, std::string_view arg) {
  return std::string(what) + ": invalid program argument '" + Sanitized(arg) + "'";
}

std::string TooManyArguments(std::string_view what, size_t count) {
  return std::string(what) + ": too many program arguments (" + std::to_string(count) + " > " +
         std::to_string(kMaxProgramArguments) + ")";
}

}  // namespace

bool IsValidProgramName(std::string_view name) {
  if (!base::IsPlainFileName(name) || !base::IsValidUtf8(name)) return false;
  size_t chars = 0;
  for (size_t i = 0; i < name.size();) {
    char32_t cp = NextCodePoint(name, i);
    if (cp <= 0x1f || cp == U'/' || (cp >= 0x7f && cp <= 0x9f) || cp == 0x2028 ||
        cp == 0x2029) {
      return false;
    }
    // §3: a longer name MUST be refused, never truncated.
    if (++chars > kMaxProgramNameChars) return false;
  }
  return true;
}

bool IsValidProgramArgument(std::string_view arg) {
  if (arg.size() > kMaxProgramArgumentSize) return false;
  for (char c : arg) {
    auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\t') || u == 0x7f) return false;
  }
  return true;
}

bool ValidateProgram(ValidationContext& ctx, const Node& node, std::string_view what) {
  const std::string& name = node.operands.positional[0].str();
  // §3: the program name MUST be a constant string.
  if (RefersToVariables(ctx, name)) {
    ctx.Error(node.location, std::string(what) + ": the program name must be a constant string");
    return false;
  }
  if (!IsValidProgramName(name)) {
    ctx.Error(node.location, InvalidName(what, name));
    return false;
  }
  const std::vector<std::string>& args = Arguments(node.operands);
  if (args.size() > kMaxProgramArguments) {
    ctx.Error(node.location, TooManyArguments(what, args.size()));
    return false;
  }
  for (const std::string& arg : args) {
    if (!RefersToVariables(ctx, arg) && !IsValidProgramArgument(arg)) {
      ctx.Error(node.location, InvalidArgument(what, arg));
      return false;
    }
  }
  return true;
}

std::optional<std::string> CheckProgram(const Operands& ops, std::string_view what) {
  const std::string& name = ops.positional[0].str();
  if (!IsValidProgramName(name)) return InvalidName(what, name);
  const std::vector<std::string>& args = Arguments(ops);
  if (args.size() > kMaxProgramArguments) return TooManyArguments(what, args.size());
  for (const std::string& arg : args) {
    if (!IsValidProgramArgument(arg)) return InvalidArgument(what, arg);
  }
  return std::nullopt;
}

}  // namespace sieve::ext
