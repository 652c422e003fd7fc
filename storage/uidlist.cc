#include "storage/uidlist.h"

#include "base/strings.h"
#include "storage/limits.h"

namespace storage {
namespace {

base::Status Bad(size_t line, std::string_view what) {
  return base::Status::Corruption("dovecot-uidlist line " + std::to_string(line) + ": " +
                                  std::string(what));
}

std::optional<uint32_t> ParseUid(std::string_view s) {
  std::optional<uint64_t> n = base::ParseUint64(s);
  if (!n || *n == 0 || *n > UINT32_MAX) return std::nullopt;
  return static_cast<uint32_t>(*n);
}

}  // namespace

base::Result<Uidlist> ParseUidlist(std::string_view text) {
  std::vector<std::string_view> lines = base::SplitString(text, '\n');
  if (lines.empty() || lines[0].empty()) return base::Err(Bad(1, "no header"));
  if (lines.size() > kMaxUidlistRecords + 2) return base::Err(Bad(1, "too many records"));
  Uidlist out;
  std::vector<std::string_view> header = base::SplitString(lines[0], ' ');
  const bool v1 = header[0] == "1";
  if (header[0] != "3" && !v1) {
    return base::Err(Bad(1, "unsupported version '" + std::string(header[0]) + "'"));
  }
  if (v1) {
    // "1 <uidvalidity> <next uid>"
    if (header.size() < 3) return base::Err(Bad(1, "short version 1 header"));
    auto validity = ParseUid(header[1]);
    auto next = ParseUid(header[2]);
    if (!validity || !next) return base::Err(Bad(1, "bad version 1 header"));
    out.uid_validity = *validity;
    out.next_uid = *next;
  } else {
    for (size_t i = 1; i < header.size(); ++i) {
      std::string_view field = header[i];
      if (field.empty()) continue;
      std::string_view value = field.substr(1);
      if (field[0] == 'V' || field[0] == 'N') {
        auto n = ParseUid(value);
        if (!n) return base::Err(Bad(1, "bad header field '" + std::string(field) + "'"));
        (field[0] == 'V' ? out.uid_validity : out.next_uid) = *n;
      } else if (field[0] == 'G') {
        out.guid = std::string(value);
      } else {
        out.header_extra.emplace_back(field[0], std::string(value));
      }
    }
    if (out.uid_validity == 0) return base::Err(Bad(1, "no UIDVALIDITY"));
  }
  uint32_t last = 0;
  for (size_t n = 1; n < lines.size(); ++n) {
    std::string_view line = lines[n];
    if (line.empty()) continue;
    if (line.size() > kMaxUidlistLine) return base::Err(Bad(n + 1, "line too long"));
    UidlistRecord record;
    std::string_view rest;
    if (v1) {
      size_t space = line.find(' ');
      if (space == std::string_view::npos) return base::Err(Bad(n + 1, "no file name"));
      auto uid = ParseUid(line.substr(0, space));
      if (!uid) return base::Err(Bad(n + 1, "bad UID"));
      record.uid = *uid;
      record.base = std::string(line.substr(space + 1));
    } else {
      size_t colon = line.find(" :");
      if (colon == std::string_view::npos) return base::Err(Bad(n + 1, "no ':' before the file name"));
      std::vector<std::string_view> fields = base::SplitString(line.substr(0, colon), ' ');
      auto uid = ParseUid(fields[0]);
      if (!uid) return base::Err(Bad(n + 1, "bad UID"));
      record.uid = *uid;
      for (size_t i = 1; i < fields.size(); ++i) {
        if (!fields[i].empty()) record.fields.emplace_back(fields[i][0], std::string(fields[i].substr(1)));
      }
      record.base = std::string(line.substr(colon + 2));
    }
    // A name with flags (older writers) still names the same message: keep the base only.
    if (size_t info = record.base.find(":2,"); info != std::string::npos) record.base.resize(info);
    if (record.base.empty()) return base::Err(Bad(n + 1, "empty file name"));
    if (record.uid <= last) return base::Err(Bad(n + 1, "UIDs not ascending"));
    // Dovecot appends records for new messages without rewriting the header, so the next
    // UID may be behind the last record.
    if (record.uid == UINT32_MAX) return base::Err(Bad(n + 1, "UIDs exhausted"));  // rebuilt
    if (record.uid >= out.next_uid) out.next_uid = record.uid + 1;
    last = record.uid;
    out.records.push_back(std::move(record));
  }
  return out;
}

std::string FormatUidlist(const Uidlist& uidlist) {
  std::string out = "3 V" + std::to_string(uidlist.uid_validity) + " N" +
                    std::to_string(uidlist.next_uid);
  if (!uidlist.guid.empty()) out += " G" + uidlist.guid;
  for (const auto& [key, value] : uidlist.header_extra) out += " " + std::string(1, key) + value;
  out += "\n";
  for (const UidlistRecord& r : uidlist.records) {
    out += std::to_string(r.uid);
    for (const auto& [key, value] : r.fields) out += " " + std::string(1, key) + value;
    out += " :" + r.base + "\n";
  }
  return out;
}

}  // namespace storage
