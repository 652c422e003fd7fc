#include "storage/header_cache.h"

#include <fcntl.h>
#include <unistd.h>

#include "base/fs.h"
#include "base/strings.h"
#include "storage/durable_file.h"
#include "storage/limits.h"

namespace storage {

std::string_view HeaderBlock(std::string_view message) {
  for (size_t i = 0; i < message.size(); ++i) {
    if (message[i] != '\n') continue;
    if (i + 1 < message.size() && message[i + 1] == '\n') return message.substr(0, i + 2);
    if (i + 2 < message.size() && message[i + 1] == '\r' && message[i + 2] == '\n') {
      return message.substr(0, i + 3);
    }
  }
  return message;
}

HeaderCache::HeaderCache(std::string path) : path_(std::move(path)) {}

void HeaderCache::Load() {
  if (loaded_) return;
  loaded_ = true;
  auto text = base::ReadFile(path_);
  if (!text) return;  // missing or unreadable: an empty cache
  std::string_view rest = *text;
  while (!rest.empty()) {
    size_t eol = rest.find('\n');
    if (eol == std::string_view::npos) break;
    std::string_view line = rest.substr(0, eol);
    size_t space = line.rfind(' ');
    std::optional<uint64_t> length =
        space == std::string_view::npos ? std::nullopt : base::ParseUint64(line.substr(space + 1));
    if (!length || *length > kMaxCachedHeader || eol + 1 + *length + 1 > rest.size() ||
        rest[eol + 1 + *length] != '\n') {
      break;  // torn or damaged from here on
    }
    entries_[std::string(line.substr(0, space))] = std::string(rest.substr(eol + 1, *length));
    rest.remove_prefix(eol + 1 + *length + 1);
  }
}

std::optional<std::string> HeaderCache::Get(std::string_view base) {
  Load();
  auto it = entries_.find(base);
  if (it == entries_.end()) return std::nullopt;
  return it->second;
}

base::Status HeaderCache::Put(std::string_view base, std::string_view header) {
  Load();
  if (header.size() > kMaxCachedHeader) return base::Status::Ok();  // served from the file
  entries_[std::string(base)] = std::string(header);
  std::string entry = std::string(base) + " " + std::to_string(header.size()) + "\n" +
                      std::string(header) + "\n";
  int fd = open(path_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (fd < 0) return ErrnoStatus("cannot open", path_);
  ssize_t written = write(fd, entry.data(), entry.size());
  close(fd);
  if (written != static_cast<ssize_t>(entry.size())) return ErrnoStatus("cannot append to", path_);
  return base::Status::Ok();
}

base::Status HeaderCache::Compact(const std::set<std::string>& live) {
  Load();
  size_t dead = 0;
  for (const auto& [base, header] : entries_) dead += live.contains(base) ? 0 : 1;
  if (dead == 0 || dead * 2 < entries_.size()) return base::Status::Ok();
  std::string out;
  for (auto it = entries_.begin(); it != entries_.end();) {
    if (!live.contains(it->first)) {
      it = entries_.erase(it);
      continue;
    }
    out += it->first + " " + std::to_string(it->second.size()) + "\n" + it->second + "\n";
    ++it;
  }
  return ReplaceCacheFile(path_, out);
}

}  // namespace storage
