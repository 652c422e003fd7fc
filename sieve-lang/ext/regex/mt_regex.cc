// The :regex match type (draft-murchison-sieve-regex-07 §3) through RE2: POSIX extended
// syntax, unanchored search, linear time whatever the pattern (no ReDoS). i;octet matches
// case-sensitively, the casemap comparators case-insensitively; other comparators are
// refused at compile time (NeedsSubstring). Capture groups become match variables
// (${0} the matched text, ${1}.. the groups). Compiled patterns are cached per process.
#include <memory>
#include <mutex>
#include <unordered_map>

#include <re2/re2.h>

#include "sieve-lang/ext/regex/regex.h"

namespace sieve::ext {
namespace {

constexpr size_t kCacheLimit = 1024;

bool CaseSensitive(const Comparator& cmp) { return cmp.name() == "i;octet"; }

// A compiled pattern, or nullptr when RE2 refuses it. Shared by all threads.
std::shared_ptr<const RE2> Compile(std::string_view pattern, bool case_sensitive) {
  static std::mutex mutex;
  static std::unordered_map<std::string, std::shared_ptr<const RE2>> cache;
  std::string key = (case_sensitive ? "s:" : "i:") + std::string(pattern);
  std::lock_guard lock(mutex);
  if (auto it = cache.find(key); it != cache.end()) return it->second;
  RE2::Options options;
  options.set_posix_syntax(true);
  options.set_longest_match(false);
  options.set_log_errors(false);
  options.set_case_sensitive(case_sensitive);
  auto re = std::make_shared<const RE2>(pattern, options);
  std::shared_ptr<const RE2> result = re->ok() ? re : nullptr;
  if (cache.size() >= kCacheLimit) cache.clear();
  cache.emplace(std::move(key), result);
  return result;
}

class RegexMatch final : public MatchType {
 public:
  std::string_view name() const override { return "regex"; }
  bool NeedsSubstring() const override { return true; }
  std::optional<std::string> CheckKey(std::string_view key, const Comparator& cmp) const override {
    RE2::Options options;
    options.set_posix_syntax(true);
    options.set_log_errors(false);
    options.set_case_sensitive(CaseSensitive(cmp));
    RE2 re(key, options);
    if (re.ok()) return std::nullopt;
    return "invalid regular expression '" + std::string(key) + "' for regex match: " + re.error();
  }
  std::optional<std::string> RuntimeKeyError(std::string_view key,
                                             const Comparator& cmp) const override {
    if (Compile(key, CaseSensitive(cmp)) != nullptr) return std::nullopt;
    return CheckKey(key, cmp);
  }
  bool Match(const Comparator& cmp, std::string_view value, std::string_view key,
             std::string_view, Captures* captures) const override {
    std::shared_ptr<const RE2> re = Compile(key, CaseSensitive(cmp));
    if (re == nullptr) return false;  // a key expanded at run time into a bad pattern
    if (captures == nullptr) return RE2::PartialMatch(value, *re);
    const int groups = re->NumberOfCapturingGroups();
    std::vector<re2::StringPiece> parts(static_cast<size_t>(groups) + 1);
    re2::StringPiece text(value.data(), value.size());
    if (!re->Match(text, 0, text.size(), RE2::UNANCHORED, parts.data(), groups + 1)) {
      return false;
    }
    captures->clear();
    for (const re2::StringPiece& part : parts) {
      // A group that took no part in the match has no data at all: an empty value.
      captures->emplace_back(part.data() == nullptr ? std::string()
                                                    : std::string(part.data(), part.size()));
    }
    return true;
  }
};

}  // namespace

const MatchType& RegexMatchType() {
  static const RegexMatch mt;
  return mt;
}

}  // namespace sieve::ext
