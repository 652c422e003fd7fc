#include "sieve-lang/ext/imap4flags/flags.h"

#include <algorithm>

#include "base/strings.h"

namespace sieve::ext {
namespace {

bool Contains(const std::vector<std::string>& flags, std::string_view flag) {
  return std::any_of(flags.begin(), flags.end(),
                     [&](const std::string& f) { return base::EqualsIgnoreCase(f, flag); });
}

}  // namespace

std::vector<std::string> ParseFlags(const std::vector<std::string>& strings) {
  std::vector<std::string> flags;
  for (const std::string& s : strings) {
    size_t i = 0;
    while (i < s.size()) {
      while (i < s.size() && base::IsAsciiSpace(s[i])) ++i;
      size_t start = i;
      while (i < s.size() && !base::IsAsciiSpace(s[i])) ++i;
      std::string_view flag = std::string_view(s).substr(start, i - start);
      if (!flag.empty() && !Contains(flags, flag)) flags.emplace_back(flag);
    }
  }
  return flags;
}

std::string JoinFlags(const std::vector<std::string>& flags) {
  std::string out;
  for (const std::string& flag : flags) {
    if (!out.empty()) out += ' ';
    out += flag;
  }
  return out;
}

void AddFlags(std::vector<std::string>& to, const std::vector<std::string>& more) {
  for (const std::string& flag : more) {
    if (!Contains(to, flag)) to.push_back(flag);
  }
}

void RemoveFlags(std::vector<std::string>& from, const std::vector<std::string>& gone) {
  std::erase_if(from, [&](const std::string& f) { return Contains(gone, f); });
}

}  // namespace sieve::ext
