#include "storage/mailbox_index.h"

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cerrno>

#include "base/strings.h"
#include "storage/durable_file.h"
#include "storage/limits.h"

namespace storage {
namespace {

constexpr std::string_view kMagic = "roost-index 1";

base::Result<int64_t> MtimeNs(const std::string& path) {
  struct stat st {};
  if (stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) return int64_t{0};
    return base::Err(ErrnoStatus("cannot stat", path));
  }
  return static_cast<int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
}

std::optional<int64_t> ParseInt(std::string_view s) {
  bool negative = s.starts_with('-');
  auto n = base::ParseUint64(negative ? s.substr(1) : s);
  if (!n || *n > static_cast<uint64_t>(INT64_MAX)) return std::nullopt;
  return negative ? -static_cast<int64_t>(*n) : static_cast<int64_t>(*n);
}

}  // namespace

int64_t IndexStamp::newest() const { return std::max({new_dir, cur_dir, uidlist, keywords}); }

base::Result<IndexStamp> CurrentStamp(const std::string& mailbox) {
  IndexStamp stamp;
  std::pair<const char*, int64_t*> parts[] = {{"/new", &stamp.new_dir},
                                              {"/cur", &stamp.cur_dir},
                                              {"/dovecot-uidlist", &stamp.uidlist},
                                              {"/dovecot-keywords", &stamp.keywords}};
  for (auto& [suffix, target] : parts) {
    auto mtime = MtimeNs(mailbox + suffix);
    if (!mtime) return base::Err(mtime.error());
    *target = *mtime;
  }
  return stamp;
}

std::string FormatIndex(const MailboxIndex& index) {
  std::string out = std::string(kMagic);
  for (int64_t n : {index.stamp.new_dir, index.stamp.cur_dir, index.stamp.uidlist,
                    index.stamp.keywords, index.written_at}) {
    out += " " + std::to_string(n);
  }
  out += " " + std::to_string(index.uid_validity) + "\n";
  for (const IndexRecord& r : index.records) {
    out += std::to_string(r.uid) + " " + std::to_string(r.size) + " " +
           std::to_string(r.internal_date) + " " + r.file + "\n";
  }
  return out;
}

base::Result<MailboxIndex> ParseIndex(std::string_view text) {
  auto bad = [](std::string_view why) {
    return base::Err(base::Status::Corruption("roost.index: " + std::string(why)));
  };
  std::vector<std::string_view> lines = base::SplitString(text, '\n');
  if (lines.empty() || lines[0].size() <= kMagic.size() || !lines[0].starts_with(kMagic) ||
      lines[0][kMagic.size()] != ' ') {
    return bad("not an index");
  }
  if (lines.size() > kMaxUidlistRecords + 2) return bad("too many records");
  std::vector<std::string_view> header = base::SplitString(lines[0].substr(kMagic.size() + 1), ' ');
  if (header.size() != 6) return bad("bad header");
  MailboxIndex index;
  int64_t* fields[] = {&index.stamp.new_dir, &index.stamp.cur_dir, &index.stamp.uidlist,
                       &index.stamp.keywords, &index.written_at};
  for (size_t i = 0; i < 5; ++i) {
    auto n = ParseInt(header[i]);
    if (!n) return bad("bad header");
    *fields[i] = *n;
  }
  auto validity = base::ParseUint64(header[5]);
  if (!validity || *validity == 0 || *validity > UINT32_MAX) return bad("bad UIDVALIDITY");
  index.uid_validity = static_cast<uint32_t>(*validity);
  for (size_t n = 1; n < lines.size(); ++n) {
    if (lines[n].empty()) continue;
    std::vector<std::string_view> f = base::SplitString(lines[n], ' ');
    if (f.size() < 4) return bad("bad record");
    auto uid = base::ParseUint64(f[0]);
    auto size = base::ParseUint64(f[1]);
    auto date = ParseInt(f[2]);
    if (!uid || *uid == 0 || *uid > UINT32_MAX || !size || !date) return bad("bad record");
    if (!index.records.empty() && *uid <= index.records.back().uid) return bad("UIDs not ascending");
    // The file name is the rest of the line (names do not hold spaces, but do not rely on it).
    size_t offset = f[0].size() + f[1].size() + f[2].size() + 3;
    index.records.push_back({static_cast<uint32_t>(*uid), *size, *date,
                             std::string(lines[n].substr(offset))});
  }
  return index;
}

bool IndexIsCurrent(const MailboxIndex& index, const IndexStamp& now) {
  constexpr int64_t kSettleNs = std::chrono::nanoseconds(kIndexSettleTime).count();
  return index.stamp == now && now.newest() + kSettleNs <= index.written_at;
}

}  // namespace storage
