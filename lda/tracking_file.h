// The per-user tracking database of vacation replies and duplicate IDs (Pigeonhole keeps it
// in ~/.dovecot.lda-dupes): keys with an expiry time, in a small text file in the home
// directory, read-modify-written under flock so concurrent deliveries do not drop marks.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

namespace lda {

class TrackingFile {
 public:
  using Clock = std::chrono::system_clock;
  explicit TrackingFile(std::string path) : path_(std::move(path)) {}

  // Whether `key` was marked and has not expired at `now`. An unreadable file counts as
  // empty: a missed mark costs one extra reply, never a lost message.
  bool Seen(std::string_view key, Clock::time_point now) const;
  // Records `key` until `expires` (dropping expired entries). False when the file could not
  // be written.
  bool Mark(std::string_view key, Clock::time_point expires, Clock::time_point now) const;

 private:
  std::string path_;
};

}  // namespace lda
