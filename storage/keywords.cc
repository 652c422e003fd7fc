#include "storage/keywords.h"

#include "base/strings.h"
#include "storage/limits.h"

namespace storage {

base::Result<Keywords> Keywords::Parse(std::string_view text) {
  Keywords out;
  size_t n = 0;
  for (std::string_view line : base::SplitString(text, '\n')) {
    ++n;
    if (line.empty()) continue;
    size_t space = line.find(' ');
    std::optional<uint64_t> index =
        space == std::string_view::npos ? std::nullopt : base::ParseUint64(line.substr(0, space));
    std::string_view name = space == std::string_view::npos ? "" : line.substr(space + 1);
    if (!index || *index >= kMaxKeywords || name.empty() || name.size() > kMaxKeywordLength) {
      return base::Err(base::Status::Corruption("dovecot-keywords line " + std::to_string(n) +
                                                ": expected '<0-25> <keyword>'"));
    }
    if (out.names_.size() <= *index) out.names_.resize(*index + 1);
    out.names_[*index] = std::string(name);
  }
  return out;
}

std::string Keywords::Format() const {
  std::string out;
  for (size_t i = 0; i < names_.size(); ++i) {
    if (!names_[i].empty()) out += std::to_string(i) + " " + names_[i] + "\n";
  }
  return out;
}

std::optional<char> Keywords::Letter(std::string_view keyword, bool add) {
  for (size_t i = 0; i < names_.size(); ++i) {
    if (!names_[i].empty() && base::EqualsIgnoreCase(names_[i], keyword)) {
      return static_cast<char>('a' + i);
    }
  }
  if (!add || keyword.empty() || keyword.size() > kMaxKeywordLength) return std::nullopt;
  for (size_t i = 0; i < kMaxKeywords; ++i) {
    if (i == names_.size()) names_.emplace_back();
    if (names_[i].empty()) {
      names_[i] = std::string(keyword);
      return static_cast<char>('a' + i);
    }
  }
  return std::nullopt;
}

std::optional<std::string> Keywords::Name(char letter) const {
  if (letter < 'a' || letter > 'z') return std::nullopt;
  size_t i = static_cast<size_t>(letter - 'a');
  if (i >= names_.size() || names_[i].empty()) return std::nullopt;
  return names_[i];
}

bool Keywords::empty() const {
  for (const std::string& name : names_) {
    if (!name.empty()) return false;
  }
  return true;
}

}  // namespace storage
