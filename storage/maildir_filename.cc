#include "storage/maildir_filename.h"

#include <algorithm>

#include "base/strings.h"

namespace storage {
namespace {

std::optional<uint64_t> Field(std::string_view base, std::string_view key) {
  // Fields follow the first ',' of the base: ",S=1234,W=1260".
  size_t comma = base.find(',');
  while (comma != std::string_view::npos) {
    size_t next = base.find(',', comma + 1);
    std::string_view field = base.substr(comma + 1, next == std::string_view::npos
                                                        ? std::string_view::npos
                                                        : next - comma - 1);
    if (field.starts_with(key)) return base::ParseUint64(field.substr(key.size()));
    comma = next;
  }
  return std::nullopt;
}

}  // namespace

MaildirFilename ParseMaildirFilename(std::string_view name) {
  MaildirFilename out;
  size_t info = name.find(":2,");
  out.base = std::string(name.substr(0, info));
  if (info != std::string_view::npos) out.flags = NormalizeFlagLetters(name.substr(info + 3));
  out.size = Field(out.base, "S=");
  out.vsize = Field(out.base, "W=");
  return out;
}

std::string NormalizeFlagLetters(std::string_view letters) {
  std::string sorted;
  for (char c : letters) {
    if (base::IsAsciiAlpha(c)) sorted.push_back(c);
  }
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  return sorted;
}

std::string FormatMaildirFilename(std::string_view base, std::string_view flags,
                                  bool always_info) {
  std::string letters = NormalizeFlagLetters(flags);
  if (letters.empty() && !always_info) return std::string(base);
  return std::string(base) + ":2," + letters;
}

std::string NewMaildirBase(int64_t secs, int64_t usecs, int64_t pid, uint64_t counter,
                           std::string_view host, uint64_t size, uint64_t vsize) {
  std::string safe_host;
  for (char c : host) {
    // Dovecot writes '/' as \057 and ':' as \072 so that the name stays a single, parsable
    // path component.
    if (c == '/') {
      safe_host += "\\057";
    } else if (c == ':') {
      safe_host += "\\072";
    } else {
      safe_host.push_back(c);
    }
  }
  return std::to_string(secs) + ".M" + std::to_string(usecs) + "P" + std::to_string(pid) + "Q" +
         std::to_string(counter) + "." + safe_host + ",S=" + std::to_string(size) +
         ",W=" + std::to_string(vsize);
}

}  // namespace storage
