#include "storage/quota.h"

#include <fcntl.h>
#include <unistd.h>

#include <filesystem>

#include "base/fs.h"
#include "base/strings.h"
#include "storage/durable_file.h"
#include "storage/mailbox_name.h"
#include "storage/maildir_filename.h"

namespace storage {
namespace {

namespace fs = std::filesystem;

// Maildir++: a maildirsize over this size is recounted (and so compacted).
constexpr uint64_t kMaildirSizeRecountBytes = 5120;

std::optional<uint64_t> ParseQuotaSize(std::string_view text) {
  text = base::TrimWhitespace(text);
  if (!text.empty() && (text.back() == 'B' || text.back() == 'b')) text.remove_suffix(1);
  uint64_t unit = 1;
  if (!text.empty()) {
    switch (text.back()) {
      case 'k': case 'K': unit = 1ull << 10; break;
      case 'm': case 'M': unit = 1ull << 20; break;
      case 'g': case 'G': unit = 1ull << 30; break;
      case 't': case 'T': unit = 1ull << 40; break;
      default: break;
    }
    if (unit != 1) text.remove_suffix(1);
  }
  std::optional<uint64_t> n = base::ParseUint64(text);
  if (!n || *n > UINT64_MAX / unit) return std::nullopt;
  return *n * unit;
}

void AddFolder(const fs::path& dir, QuotaUsage& usage) {
  for (const char* sub : {"cur", "new"}) {
    std::error_code ec;
    for (fs::directory_iterator it(dir / sub, ec), end; !ec && it != end; it.increment(ec)) {
      std::string name = it->path().filename().string();
      if (name.empty() || name[0] == '.') continue;
      MaildirFilename parsed = ParseMaildirFilename(name);
      std::error_code size_ec;
      uint64_t size = parsed.size ? *parsed.size : it->file_size(size_ec);
      if (size_ec) continue;  // expunged meanwhile
      usage.bytes += static_cast<int64_t>(size);
      usage.messages += 1;
    }
  }
}

// As Dovecot writes it: only the limits that are set ("1000S,10C", "1000S", "10C").
std::string LimitsLine(const QuotaLimits& limits) {
  std::string line;
  if (limits.storage != 0) line = std::to_string(limits.storage) + "S";
  if (limits.messages != 0) {
    line += (line.empty() ? "" : ",") + std::to_string(limits.messages) + "C";
  }
  return line;
}

}  // namespace

base::Status ApplyQuotaRule(std::string_view rule, QuotaLimits& limits) {
  std::vector<std::string_view> parts = base::SplitString(rule, ':');
  if (parts.size() < 2) {
    return base::Status::InvalidArgument("quota rule '" + std::string(rule) + "' lacks ':'");
  }
  // Only the default rule ("*") applies to every mailbox; per-mailbox rules are later work.
  if (parts[0] != "*") {
    return base::Status::Unsupported("quota rule for mailbox '" + std::string(parts[0]) +
                                     "' (only '*' rules are supported)");
  }
  for (size_t i = 1; i < parts.size(); ++i) {
    std::string_view part = parts[i];
    if (part == "ignore") {
      limits = {};
      continue;
    }
    size_t eq = part.find('=');
    std::string_view key = part.substr(0, eq);
    std::optional<uint64_t> value =
        eq == std::string_view::npos ? std::nullopt
        : key == "messages"          ? base::ParseUint64(part.substr(eq + 1))
                                     : ParseQuotaSize(part.substr(eq + 1));
    if (!value || (key != "storage" && key != "bytes" && key != "messages")) {
      return base::Status::InvalidArgument("quota rule '" + std::string(rule) +
                                           "': cannot read '" + std::string(part) + "'");
    }
    (key == "messages" ? limits.messages : limits.storage) = *value;
  }
  return base::Status::Ok();
}

base::Result<QuotaUsage> CountMaildirUsage(const std::string& root) {
  QuotaUsage usage;
  std::error_code exists_ec;
  // A user who never got mail has no Maildir yet: nothing used.
  if (!fs::exists(root, exists_ec) && !exists_ec) return usage;
  AddFolder(root, usage);
  std::error_code ec;
  fs::directory_iterator it(root, ec);
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
    if (MailboxFromDirectory(it->path().filename().string())) AddFolder(it->path(), usage);
  }
  if (ec) return base::Err(base::Status::IOError("cannot list " + root + ": " + ec.message()));
  return usage;
}

MaildirSize::MaildirSize(std::string root, QuotaLimits limits)
    : path_(root + "/maildirsize"), root_(std::move(root)), limits_(limits) {}

base::Status MaildirSize::Recount() {
  auto usage = CountMaildirUsage(root_);
  if (!usage) return usage.error();
  return base::WriteFileAtomic(path_, LimitsLine(limits_) + "\n" + std::to_string(usage->bytes) +
                                          " " + std::to_string(usage->messages) + "\n");
}

base::Result<QuotaUsage> MaildirSize::Usage() {
  std::error_code ec;
  // No Maildir yet: nothing used, and maildirsize is written with the first message.
  if (!fs::exists(root_, ec) && !ec) return QuotaUsage{};
  auto text = base::ReadFile(path_);
  bool recount = !text || text->size() > kMaildirSizeRecountBytes ||
                 text->substr(0, text->find('\n')) != LimitsLine(limits_);
  if (!text && text.error().code() != base::Status::Code::kNotFound) return base::Err(text.error());
  if (recount) {
    base::Status counted = Recount();
    if (!counted.ok()) return base::Err(counted);
    text = base::ReadFile(path_);
    if (!text) return base::Err(text.error());
  }
  QuotaUsage usage;
  std::vector<std::string_view> lines = base::SplitString(*text, '\n');
  for (size_t i = 1; i < lines.size(); ++i) {
    std::vector<std::string_view> fields = base::SplitString(base::TrimWhitespace(lines[i]), ' ');
    if (fields.size() != 2) continue;  // a torn last line of a concurrent writer
    auto number = [](std::string_view s) -> std::optional<int64_t> {
      bool negative = s.starts_with('-');
      auto n = base::ParseUint64(negative ? s.substr(1) : s);
      if (!n || *n > static_cast<uint64_t>(INT64_MAX)) return std::nullopt;
      return negative ? -static_cast<int64_t>(*n) : static_cast<int64_t>(*n);
    };
    auto bytes = number(fields[0]);
    auto messages = number(fields[1]);
    if (!bytes || !messages) continue;
    usage.bytes += *bytes;
    usage.messages += *messages;
  }
  return usage;
}

base::Status CheckAppend(const QuotaUsage& usage, const QuotaLimits& limits, uint64_t size,
                         uint64_t grace) {
  uint64_t bytes = static_cast<uint64_t>(std::max<int64_t>(0, usage.bytes));
  // What a message may still take, as Dovecot's quota_transaction_set_limits: quota_grace
  // more than the limit allows, but only for a user still under it.
  uint64_t room = bytes < limits.storage ? limits.storage - bytes : 0;
  room = room == 0 ? 0 : (grace > UINT64_MAX - room ? UINT64_MAX : room + grace);
  if (limits.storage != 0 && size > room) {
    return base::Status::QuotaExceeded("Quota exceeded (mailbox for user is full): " +
                                       std::to_string(usage.bytes) + " of " +
                                       std::to_string(limits.storage) + " bytes used");
  }
  if (limits.messages != 0 && static_cast<uint64_t>(std::max<int64_t>(0, usage.messages)) + 1 > limits.messages) {
    return base::Status::QuotaExceeded("Quota exceeded (mailbox for user is full): " +
                                       std::to_string(usage.messages) + " of " +
                                       std::to_string(limits.messages) + " messages");
  }
  return base::Status::Ok();
}

base::Result<uint64_t> ParseQuotaGrace(std::string_view value, const QuotaLimits& limits) {
  std::string_view text = base::TrimWhitespace(value);
  const base::Status unreadable =
      base::Status::InvalidArgument("cannot read '" + std::string(value) + "'");
  if (text.ends_with('%')) {
    text.remove_suffix(text.ends_with("%%") ? 2 : 1);
    std::optional<uint64_t> percent = base::ParseUint64(base::TrimWhitespace(text));
    if (!percent) return base::Err(unreadable);
    // Saturating: a storage limit near UINT64_MAX times the percentage must not wrap.
    uint64_t whole = limits.storage / 100;
    if (*percent != 0 && whole > UINT64_MAX / *percent) return UINT64_MAX;
    return whole * *percent + limits.storage % 100 * *percent / 100;
  }
  std::optional<uint64_t> bytes = ParseQuotaSize(text);
  if (!bytes) return base::Err(unreadable);
  return *bytes;
}

base::Status MaildirSize::CheckAppend(uint64_t size) {
  if (limits_.storage == 0 && limits_.messages == 0) return base::Status::Ok();
  auto usage = Usage();
  if (!usage) return usage.error();
  return storage::CheckAppend(*usage, limits_, size);
}

base::Status MaildirSize::Record(int64_t bytes, int64_t messages) {
  std::error_code ec;
  if (!fs::exists(path_, ec)) return Recount();  // the count includes the change already
  int fd = open(path_.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
  if (fd < 0) return ErrnoStatus("cannot open", path_);
  // One write() of a short line with O_APPEND: concurrent writers do not interleave.
  std::string line = std::to_string(bytes) + " " + std::to_string(messages) + "\n";
  ssize_t written = write(fd, line.data(), line.size());
  close(fd);
  if (written != static_cast<ssize_t>(line.size())) return ErrnoStatus("cannot append to", path_);
  return base::Status::Ok();
}

}  // namespace storage
