#include "lda/tracking_file.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <map>

#include "base/fs.h"
#include "base/strings.h"

namespace lda {
namespace {

// One line per key: "<expiry, unix seconds> <hex of the key>".
std::map<std::string, long long> Parse(std::string_view text, long long now) {
  std::map<std::string, long long> entries;
  for (std::string_view line : base::SplitString(text, '\n')) {
    size_t space = line.find(' ');
    if (space == std::string_view::npos) continue;
    auto expires = base::ParseUint64(line.substr(0, space));
    auto key = base::HexDecode(line.substr(space + 1));
    if (!expires || !key || static_cast<long long>(*expires) <= now) continue;
    entries[*key] = static_cast<long long>(*expires);
  }
  return entries;
}

long long Seconds(std::chrono::system_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

}  // namespace

bool TrackingFile::Seen(std::string_view key, Clock::time_point now) const {
  auto text = base::ReadFile(path_);
  if (!text) return false;
  auto entries = Parse(*text, Seconds(now));
  return entries.contains(std::string(key));
}

bool TrackingFile::Mark(std::string_view key, Clock::time_point expires,
                        Clock::time_point now) const {
  int lock = open((path_ + ".lock").c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0600);
  if (lock < 0) return false;
  flock(lock, LOCK_EX);
  auto text = base::ReadFile(path_);
  auto entries = Parse(text ? *text : std::string(), Seconds(now));
  entries[std::string(key)] = Seconds(expires);
  std::string out;
  for (const auto& [name, until] : entries) {
    out += std::to_string(until) + " " + base::HexEncode(name) + "\n";
  }
  bool ok = base::WriteFileAtomic(path_, out).ok();
  close(lock);  // releases the flock
  return ok;
}

}  // namespace lda
