#include "storage/maildir.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <tuple>

#include "base/fs.h"
#include "base/strings.h"
#include "storage/durable_file.h"
#include "storage/header_cache.h"
#include "storage/keywords.h"
#include "storage/limits.h"
#include "storage/mailbox_index.h"
#include "storage/maildir_filename.h"
#include "storage/uidlist.h"
#include "storage/dot_lock.h"

namespace storage {
namespace {

namespace fs = std::filesystem;

// Maildir info letters of the IMAP system flags (\Recent is never stored).
constexpr std::pair<std::string_view, char> kSystemFlags[] = {
    {"\\Draft", 'D'}, {"\\Flagged", 'F'}, {"\\Answered", 'R'}, {"\\Seen", 'S'}, {"\\Deleted", 'T'}};

// RFC 3501 §9 atom: printable ASCII except SP ( ) { % * " \ ].
bool IsKeywordAtom(std::string_view flag) {
  if (flag.empty() || flag.size() > kMaxKeywordLength) return false;
  for (char c : flag) {
    auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u >= 0x7f || std::string_view("(){%*\"\\]").find(c) != std::string_view::npos) {
      return false;
    }
  }
  return true;
}

// RFC 822 size: every bare LF counts as CRLF.
uint64_t VirtualSize(std::string_view message) {
  uint64_t size = message.size();
  for (size_t i = 0; i < message.size(); ++i) {
    if (message[i] == '\n' && (i == 0 || message[i - 1] != '\r')) ++size;
  }
  return size;
}

std::string HostName() {
  char host[256] = {};
  if (gethostname(host, sizeof host - 1) != 0 || host[0] == '\0') return "localhost";
  return host;
}

base::Result<Keywords> ReadKeywords(const std::string& mailbox) {
  auto text = base::ReadFile(mailbox + "/dovecot-keywords");
  if (!text) {
    if (text.error().code() == base::Status::Code::kNotFound) return Keywords();
    return base::Err(text.error());
  }
  return Keywords::Parse(*text);
}

std::string RandomGuid() {
  std::random_device rd;
  std::string guid;
  static constexpr char kHex[] = "0123456789abcdef";
  for (int i = 0; i < 32; ++i) guid.push_back(kHex[rd() % 16]);
  return guid;
}

// The "V<n>" of a header that failed to parse otherwise, so that a rebuilt list can use a
// larger UIDVALIDITY than the one clients knew.
std::optional<uint64_t> ParseUidValidityLoosely(std::string_view text) {
  std::string_view header = text.substr(0, text.find('\n'));
  for (std::string_view field : base::SplitString(header, ' ')) {
    if (field.size() > 1 && field[0] == 'V') return base::ParseUint64(field.substr(1));
  }
  return std::nullopt;
}

int64_t FileMtime(const std::string& path) {
  struct stat st {};
  return stat(path.c_str(), &st) == 0 ? static_cast<int64_t>(st.st_mtime) : 0;
}

// The listing an index describes, with flags from the info letters and dovecot-keywords.
std::vector<MaildirMessage> FromIndex(const MailboxIndex& index, const Keywords& keywords) {
  std::vector<MaildirMessage> out;
  out.reserve(index.records.size());
  for (const IndexRecord& record : index.records) {
    MaildirMessage message{.uid = record.uid, .file = record.file, .flags = {},
                           .size = record.size, .internal_date = record.internal_date};
    size_t info = record.file.find(":2,");
    std::string_view letters = info == std::string::npos ? std::string_view()
                                                         : std::string_view(record.file).substr(info + 3);
    for (char letter : letters) {
      auto system = std::find_if(std::begin(kSystemFlags), std::end(kSystemFlags),
                                 [&](const auto& f) { return f.second == letter; });
      if (system != std::end(kSystemFlags)) {
        message.flags.emplace_back(system->first);
      } else if (auto name = keywords.Name(letter)) {
        message.flags.push_back(*name);
      }
    }
    out.push_back(std::move(message));
  }
  return out;
}

// "<secs>.M<usecs>P..." -> (secs, usecs, name); names of other writers sort by name after
// their leading number.
std::tuple<uint64_t, uint64_t, std::string_view> ArrivalKey(std::string_view base) {
  size_t digits = 0;
  while (digits < base.size() && base::IsAsciiDigit(base[digits])) ++digits;
  uint64_t secs = base::ParseUint64(base.substr(0, digits)).value_or(0);
  uint64_t usecs = 0;
  if (base.substr(digits).starts_with(".M")) {
    size_t end = digits + 2;
    while (end < base.size() && base::IsAsciiDigit(base[end])) ++end;
    usecs = base::ParseUint64(base.substr(digits + 2, end - digits - 2)).value_or(0);
  }
  return {secs, usecs, base};
}

struct FoundFile {
  std::string file;     // relative: "new/x" or "cur/x:2,S"
  std::string letters;  // info flags
  uint64_t size = 0;
};

// Every message file in new/ and cur/, by base name.
base::Result<std::map<std::string, FoundFile>> ScanFiles(const std::string& mailbox) {
  std::map<std::string, FoundFile> found;
  for (const char* dir : {"new", "cur"}) {
    std::error_code ec;
    fs::directory_iterator it(mailbox + "/" + dir, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
      const fs::directory_entry& entry = *it;
      std::string name = entry.path().filename().string();
      if (name.empty() || name[0] == '.') continue;
      MaildirFilename parsed = ParseMaildirFilename(name);
      // Names Dovecot and Roost write carry the size (S=): no stat per message.
      uint64_t size = 0;
      if (parsed.size) {
        size = *parsed.size;
      } else {
        std::error_code size_ec;
        size = entry.file_size(size_ec);
        if (size_ec) continue;  // vanished while listing (expunged by another process)
      }
      found[parsed.base] = {std::string(dir) + "/" + name, parsed.flags, size};
    }
    if (ec) return base::Err(base::Status::IOError("cannot list " + mailbox + "/" + dir + ": " + ec.message()));
  }
  return found;
}

}  // namespace

Maildir::Maildir(std::string path, MaildirOptions options)
    : path_(std::move(path)), options_(std::move(options)) {}

base::Result<Maildir> Maildir::Open(std::string path, MaildirOptions options) {
  for (const char* sub : {"", "/cur", "/new", "/tmp"}) {
    std::string dir = path + sub;
    struct stat st {};
    if (stat(dir.c_str(), &st) == 0) {
      if (!S_ISDIR(st.st_mode)) return base::Err(base::Status::Corruption(dir + " is not a directory"));
      continue;
    }
    if (errno != ENOENT) return base::Err(ErrnoStatus("cannot stat", dir));
    // A missing cur/ or tmp/ of an existing mailbox is recreated, as Dovecot does.
    if (!options.create && *sub == '\0') return base::Err(base::Status::NotFound("no mailbox at " + path));
    // A first delivery into a folder also makes the Maildir root above it (~/Maildir).
    if (*sub == '\0') {
      for (size_t slash = dir.find('/', 1); slash != std::string::npos;
           slash = dir.find('/', slash + 1)) {
        std::string parent = dir.substr(0, slash);
        if (mkdir(parent.c_str(), 0700) != 0 && errno != EEXIST) {
          return base::Err(ErrnoStatus("cannot create", parent));
        }
      }
    }
    if (mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) return base::Err(ErrnoStatus("cannot create", dir));
  }
  return Maildir(std::move(path), std::move(options));
}

base::Result<std::string> Maildir::FlagLetters(const std::vector<std::string>& flags) {
  std::string letters;
  std::vector<std::string_view> wanted;  // keywords, in order
  for (const std::string& flag : flags) {
    auto system = std::find_if(std::begin(kSystemFlags), std::end(kSystemFlags),
                               [&](const auto& f) { return base::EqualsIgnoreCase(f.first, flag); });
    if (system != std::end(kSystemFlags)) {
      letters.push_back(system->second);
      continue;
    }
    if (flag.empty() || flag[0] == '\\') continue;  // \Recent and unknown system flags
    if (!IsKeywordAtom(flag)) {
      // RFC 3501 §9 flag-keyword = atom: anything else would break dovecot-keywords.
      return base::Err(base::Status::InvalidArgument("'" + flag + "' is not a valid keyword"));
    }
    wanted.push_back(flag);
  }
  if (wanted.empty()) return NormalizeFlagLetters(letters);
  // Known keywords need no lock; a new one is added under the uidlist lock, re-reading the
  // file, so that two processes adding different keywords cannot give both the same letter.
  auto keywords = ReadKeywords(path_);
  if (!keywords) return base::Err(keywords.error());
  bool all_known = std::all_of(wanted.begin(), wanted.end(), [&](std::string_view k) {
    return keywords->Letter(k, false).has_value();
  });
  std::optional<DotLock> lock;
  if (!all_known) {
    auto acquired = DotLock::Acquire(path_ + "/dovecot-uidlist");
    if (!acquired) return base::Err(acquired.error());
    lock.emplace(std::move(*acquired));
    keywords = ReadKeywords(path_);
    if (!keywords) return base::Err(keywords.error());
  }
  for (std::string_view keyword : wanted) {
    // All 26 keyword letters taken: Maildir cannot store more, the keyword is left out.
    if (std::optional<char> letter = keywords->Letter(keyword, lock.has_value())) {
      letters.push_back(*letter);
    }
  }
  if (lock) {
    base::Status written = base::WriteFileAtomic(path_ + "/dovecot-keywords", keywords->Format());
    if (!written.ok()) return base::Err(written);
  }
  return NormalizeFlagLetters(letters);
}

base::Result<std::string> Maildir::Append(std::string_view message,
                                          const std::vector<std::string>& flags) {
  if (message.size() > kMaxMessageSize) {
    return base::Err(base::Status::InvalidArgument("message larger than " +
                                                   std::to_string(kMaxMessageSize) + " bytes"));
  }
  auto letters = FlagLetters(flags);
  if (!letters) return base::Err(letters.error());
  for (int attempt = 0; attempt < 100; ++attempt) {
    std::string base = NewBase(message.size(), VirtualSize(message));
    const std::string tmp = path_ + "/tmp/" + base;
    int fd = open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
      if (errno == EEXIST) continue;
      return base::Err(ErrnoStatus("cannot create", tmp));
    }
    base::Status written = WriteAllAndSync(fd, message, tmp);
    close(fd);
    if (!written.ok()) {
      unlink(tmp.c_str());
      return base::Err(written);
    }
    // Messages with flags go straight to cur/, as Dovecot stores them.
    const std::string dir = letters->empty() ? "new" : "cur";
    const std::string file = dir + "/" + FormatMaildirFilename(base, *letters, !letters->empty());
    const std::string target = path_ + "/" + file;
    // link() fails instead of overwriting: a name taken meanwhile is retried with a new one.
    if (link(tmp.c_str(), target.c_str()) != 0) {
      base::Status failed = ErrnoStatus("cannot link", target);
      bool taken = errno == EEXIST;
      unlink(tmp.c_str());
      if (taken) continue;
      return base::Err(failed);
    }
    unlink(tmp.c_str());
    base::Status synced = SyncDirectory(path_ + "/" + dir);
    if (!synced.ok()) return base::Err(synced);
    return file;
  }
  return base::Err(base::Status::Temporary("no unique file name in " + path_ + "/tmp"));
}

base::Result<std::vector<MaildirMessage>> Maildir::Sync() {
  // Fast path: nothing changed since the last full sync, the index has the listing.
  auto pre = CurrentStamp(path_);
  if (!pre) return base::Err(pre.error());
  std::optional<MailboxIndex> old_index;
  if (auto text = base::ReadFile(path_ + "/roost.index")) {
    if (auto parsed = ParseIndex(*text)) old_index = std::move(*parsed);
  }
  if (old_index && IndexIsCurrent(*old_index, *pre)) {
    auto keywords = ReadKeywords(path_);
    if (!keywords) return base::Err(keywords.error());
    return FromIndex(*old_index, *keywords);
  }
  // Like Dovecot, a mailbox that lost cur/, new/ or tmp/ gets them back (empty).
  last_repair_.clear();
  for (const char* sub : {"/cur", "/new", "/tmp"}) {
    const std::string dir = path_ + sub;
    if (mkdir(dir.c_str(), 0700) == 0) {
      last_repair_ += (last_repair_.empty() ? "" : "; ") + std::string("recreated missing ") + dir;
    } else if (errno != EEXIST) {
      return base::Err(ErrnoStatus("cannot create", dir));
    }
  }
  auto lock = DotLock::Acquire(path_ + "/dovecot-uidlist");
  if (!lock) return base::Err(lock.error());
  Uidlist uidlist;
  auto text = base::ReadFile(path_ + "/dovecot-uidlist");
  bool changed = false;
  std::optional<base::Result<Uidlist>> parsed;
  if (text) parsed = ParseUidlist(*text);
  if (text && *parsed) {
    uidlist = std::move(**parsed);
  } else if (!text && text.error().code() != base::Status::Code::kNotFound) {
    return base::Err(text.error());
  } else {
    // Missing, or corrupt: rebuilt from the files (as Dovecot does), with a new UIDVALIDITY
    // so that clients drop the UIDs they knew. A corrupt list is kept for the admin.
    auto secs = std::chrono::duration_cast<std::chrono::seconds>(options_.now().time_since_epoch());
    uidlist.uid_validity = static_cast<uint32_t>(std::max<int64_t>(1, secs.count()));
    if (text) {
      const std::string kept = path_ + "/dovecot-uidlist.corrupt";
      last_repair_ += (last_repair_.empty() ? "" : "; ") + (*parsed).error().message() +
                      "; rebuilt with new UIDVALIDITY, the old list is " + kept;
      if (rename((path_ + "/dovecot-uidlist").c_str(), kept.c_str()) != 0) {
        return base::Err(ErrnoStatus("cannot keep the corrupt list as", kept));
      }
      std::optional<uint64_t> old = ParseUidValidityLoosely(*text);
      if (old && *old >= uidlist.uid_validity && *old < UINT32_MAX) {
        uidlist.uid_validity = static_cast<uint32_t>(*old + 1);
      }
    }
    uidlist.guid = RandomGuid();
    changed = true;
  }
  auto files = ScanFiles(path_);
  if (!files) return base::Err(files.error());
  auto keywords = ReadKeywords(path_);
  if (!keywords) return base::Err(keywords.error());

  std::vector<UidlistRecord> kept;
  for (UidlistRecord& record : uidlist.records) {
    if (files->contains(record.base)) {
      kept.push_back(std::move(record));
    } else {
      changed = true;  // expunged
    }
  }
  std::map<std::string, bool> listed;
  for (const UidlistRecord& record : kept) listed[record.base] = true;
  // New files get UIDs in arrival order: by the time their names start with, compared as
  // numbers (".M5" is earlier than ".M12" in the same second), as Dovecot orders them.
  std::vector<const std::pair<const std::string, FoundFile>*> arrivals;
  for (const auto& entry : *files) {
    if (!listed.contains(entry.first)) arrivals.push_back(&entry);
  }
  std::sort(arrivals.begin(), arrivals.end(), [](const auto* a, const auto* b) {
    return ArrivalKey(a->first) < ArrivalKey(b->first);
  });
  for (const auto* arrival : arrivals) {
    const std::string& base = arrival->first;
    const FoundFile& found = arrival->second;
    MaildirFilename parsed = ParseMaildirFilename(found.file.substr(4));
    if (uidlist.next_uid == UINT32_MAX) {
      return base::Err(base::Status::Corruption("UIDs exhausted in " + path_ + " (delete dovecot-uidlist to rebuild it with a new UIDVALIDITY)"));
    }
    UidlistRecord record{.uid = uidlist.next_uid++, .base = base, .fields = {}};
    if (parsed.vsize) record.fields.emplace_back('W', std::to_string(*parsed.vsize));
    kept.push_back(std::move(record));
    changed = true;
  }
  uidlist.records = std::move(kept);
  if (changed) {
    base::Status committed = lock->Commit(FormatUidlist(uidlist));
    if (!committed.ok()) return base::Err(committed);
  }

  // The index keeps internal dates, so only files it does not know yet are stat'ed.
  std::map<std::string_view, int64_t> known_dates;
  if (old_index) {
    for (const IndexRecord& r : old_index->records) known_dates[r.file] = r.internal_date;
  }
  MailboxIndex index{.stamp = {}, .written_at = 0, .uid_validity = uidlist.uid_validity, .records = {}};
  index.records.reserve(uidlist.records.size());
  for (const UidlistRecord& record : uidlist.records) {
    const FoundFile& found = files->at(record.base);
    auto date = known_dates.find(found.file);
    index.records.push_back({record.uid, found.size,
                             date != known_dates.end() ? date->second : FileMtime(path_ + "/" + found.file),
                             found.file});
  }
  std::vector<MaildirMessage> out = FromIndex(index, *keywords);
  if (changed) {
    std::set<std::string> live;
    for (const UidlistRecord& record : uidlist.records) live.insert(record.base);
    (void)HeaderCache(path_ + "/roost.cache").Compact(live);  // a cache: best effort
  }
  // Saved only when no file arrived or moved during the scan (appends do not take the lock);
  // the uidlist and keywords are ours under the lock.
  auto post = CurrentStamp(path_);
  if (post && pre && post->new_dir == pre->new_dir && post->cur_dir == pre->cur_dir) {
    index.stamp = *post;
    index.written_at = std::chrono::duration_cast<std::chrono::nanoseconds>(
                           std::chrono::system_clock::now().time_since_epoch())
                           .count();
    // A cache: when it cannot be written the next listing scans again.
    (void)ReplaceCacheFile(path_ + "/roost.index", FormatIndex(index));
  }
  return out;
}

base::Result<uint32_t> Maildir::UidValidity() {
  auto text = base::ReadFile(path_ + "/dovecot-uidlist");
  std::optional<base::Result<Uidlist>> parsed;
  if (text) parsed = ParseUidlist(*text);
  if (!text || !*parsed) {
    // Missing or corrupt: Sync creates or rebuilds it.
    if (!text && text.error().code() != base::Status::Code::kNotFound) return base::Err(text.error());
    auto synced = Sync();
    if (!synced) return base::Err(synced.error());
    text = base::ReadFile(path_ + "/dovecot-uidlist");
    if (!text) return base::Err(text.error());
    parsed = ParseUidlist(*text);
  }
  if (!*parsed) return base::Err((*parsed).error());
  return (*parsed)->uid_validity;
}

base::Result<MaildirMessage> Maildir::Find(uint32_t uid) {
  auto messages = Sync();
  if (!messages) return base::Err(messages.error());
  for (MaildirMessage& message : *messages) {
    if (message.uid == uid) return std::move(message);
  }
  return base::Err(base::Status::NotFound("no message with UID " + std::to_string(uid)));
}

base::Status Maildir::SetFlags(uint32_t uid, const std::vector<std::string>& flags) {
  auto message = Find(uid);
  if (!message) return message.error();
  auto letters = FlagLetters(flags);
  if (!letters) return letters.error();
  MaildirFilename parsed = ParseMaildirFilename(message->file.substr(4));
  const std::string target = "cur/" + FormatMaildirFilename(parsed.base, *letters);
  if (target == message->file) return base::Status::Ok();
  if (rename((path_ + "/" + message->file).c_str(), (path_ + "/" + target).c_str()) != 0) {
    return ErrnoStatus("cannot rename", path_ + "/" + message->file);
  }
  return SyncDirectory(path_ + "/cur");
}

std::string Maildir::NewBase(uint64_t size, uint64_t vsize) {
  auto usecs = std::chrono::duration_cast<std::chrono::microseconds>(
                   options_.now().time_since_epoch()).count();
  return NewMaildirBase(usecs / 1'000'000, usecs % 1'000'000, getpid(), counter_++, HostName(),
                        size, vsize);
}

base::Result<std::string> Maildir::CopyTo(uint32_t uid, Maildir& target) {
  auto message = Find(uid);
  if (!message) return base::Err(message.error());
  const std::string source = path_ + "/" + message->file;
  auto letters = target.FlagLetters(message->flags);
  if (!letters) return base::Err(letters.error());
  MaildirFilename parsed = ParseMaildirFilename(message->file.substr(4));
  for (int attempt = 0; attempt < 100; ++attempt) {
    const std::string dir = letters->empty() ? "new" : "cur";
    const std::string file = dir + "/" + FormatMaildirFilename(
        target.NewBase(message->size, parsed.vsize.value_or(message->size)), *letters,
        !letters->empty());
    if (link(source.c_str(), (target.path_ + "/" + file).c_str()) == 0) {
      base::Status synced = SyncDirectory(target.path_ + "/" + dir);
      if (!synced.ok()) return base::Err(synced);
      return file;
    }
    if (errno == EEXIST) continue;
    if (errno != EXDEV) return base::Err(ErrnoStatus("cannot link into", target.path_ + "/" + file));
    // Another filesystem: a real, durable copy.
    auto content = base::ReadFile(source);
    if (!content) return base::Err(content.error());
    return target.Append(*content, message->flags);
  }
  return base::Err(base::Status::Temporary("no unique file name in " + target.path_));
}

base::Result<std::string> Maildir::MoveTo(uint32_t uid, Maildir& target) {
  auto file = CopyTo(uid, target);
  if (!file) return file;
  base::Status removed = Expunge(uid);
  if (!removed.ok()) return base::Err(removed);
  return file;
}

base::Result<std::string> Maildir::Header(uint32_t uid) {
  auto message = Find(uid);
  if (!message) return base::Err(message.error());
  const std::string base = ParseMaildirFilename(message->file.substr(4)).base;
  HeaderCache cache(path_ + "/roost.cache");
  if (auto cached = cache.Get(base)) return std::move(*cached);
  auto content = base::ReadFile(path_ + "/" + message->file);
  if (!content) return base::Err(content.error());
  std::string header(HeaderBlock(*content));
  // A cache that cannot be written only means reading the file again next time.
  (void)cache.Put(base, header);
  return header;
}

base::Status Maildir::Expunge(uint32_t uid) {
  auto message = Find(uid);
  if (!message) return message.error();
  const std::string file = path_ + "/" + message->file;
  if (unlink(file.c_str()) != 0) return ErrnoStatus("cannot remove", file);
  return SyncDirectory(file.substr(0, file.rfind('/')));
}

}  // namespace storage
