#include "testsuite/file_dict.h"

#include <vector>

#include "base/strings.h"

namespace testsuite {

std::optional<std::string> FileDictLookup(std::string_view contents, std::string_view key) {
  std::vector<std::string_view> lines = base::SplitString(contents, '\n');
  for (size_t i = 0; i + 1 < lines.size(); i += 2) {
    if (lines[i] == key) return std::string(lines[i + 1]);
  }
  return std::nullopt;
}

}  // namespace testsuite
