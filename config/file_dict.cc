#include "config/file_dict.h"

#include <vector>

#include "base/fs.h"
#include "base/strings.h"

namespace config {

std::optional<std::string> FileDictLookup(std::string_view contents, std::string_view key) {
  std::vector<std::string_view> lines = base::SplitString(contents, '\n');
  for (size_t i = 0; i + 1 < lines.size(); i += 2) {
    if (lines[i] == key) return std::string(lines[i + 1]);
  }
  return std::nullopt;
}

std::optional<bool> FileDictHasKey(std::string_view path, std::string_view key) {
  auto contents = base::ReadFile(std::string(path));
  if (!contents) return std::nullopt;
  return FileDictLookup(*contents, key).has_value();
}

}  // namespace config
