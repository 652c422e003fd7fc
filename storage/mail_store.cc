#include "storage/mail_store.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "base/fs.h"
#include "base/strings.h"
#include "storage/dot_lock.h"
#include "storage/durable_file.h"

namespace storage {
namespace {

namespace fs = std::filesystem;

bool IsMaildir(const fs::path& dir) {
  std::error_code ec;
  return fs::is_directory(dir / "cur", ec) && fs::is_directory(dir / "new", ec);
}

// Dovecot 2.3 `subscriptions`: "V\t2", an empty line, then one name per line with the
// hierarchy separator written as a tab. Older files are plain names, one per line.
std::vector<std::string> ParseSubscriptions(std::string_view text) {
  std::vector<std::string> names;
  std::vector<std::string_view> lines = base::SplitString(text, '\n');
  bool v2 = !lines.empty() && lines[0] == "V\t2";
  for (size_t i = v2 ? 1 : 0; i < lines.size(); ++i) {
    std::string name(lines[i]);
    if (name.empty()) continue;
    if (v2) std::replace(name.begin(), name.end(), '\t', '/');
    names.push_back(std::move(name));
  }
  return names;
}

std::string FormatSubscriptions(const std::vector<std::string>& names) {
  std::string out = "V\t2\n\n";
  for (std::string name : names) {
    std::replace(name.begin(), name.end(), '/', '\t');
    out += name + "\n";
  }
  return out;
}

}  // namespace

bool MatchesListPattern(std::string_view name, std::string_view pattern) {
  // reachable[j]: pattern[0, j) can match name[0, i) for the current i.
  std::vector<bool> reachable(pattern.size() + 1, false), next(pattern.size() + 1);
  reachable[0] = true;
  auto close_wildcards = [&](std::vector<bool>& state) {
    for (size_t j = 0; j < pattern.size(); ++j) {
      if (state[j] && (pattern[j] == '*' || pattern[j] == '%')) state[j + 1] = true;
    }
  };
  close_wildcards(reachable);
  for (char c : name) {
    std::fill(next.begin(), next.end(), false);
    for (size_t j = 0; j < pattern.size(); ++j) {
      if (!reachable[j]) continue;
      char p = pattern[j];
      if (p == '*' || (p == '%' && c != '/')) next[j] = true;  // the wildcard eats c
      else if (p == c) next[j + 1] = true;
    }
    close_wildcards(next);
    reachable.swap(next);
  }
  return reachable[pattern.size()];
}

std::optional<std::string> CheckSpecialUse(std::string_view attribute) {
  static constexpr std::string_view kAttributes[] = {"\\All",  "\\Archive", "\\Drafts", "\\Flagged",
                                                     "\\Junk", "\\Sent",    "\\Trash"};
  for (std::string_view known : kAttributes) {
    if (base::EqualsIgnoreCase(known, attribute)) return std::nullopt;
  }
  return "unknown special_use attribute '" + std::string(attribute) +
         "' (RFC 6154: \\All \\Archive \\Drafts \\Flagged \\Junk \\Sent \\Trash)";
}

MailStore::MailStore(std::string root, Layout layout, std::vector<MailboxSetting> settings)
    : root_(std::move(root)), layout_(layout), settings_(std::move(settings)) {}

base::Status MailStore::EnsureAutoMailboxes() {
  for (const MailboxSetting& setting : settings_) {
    if (setting.autocreate == MailboxSetting::Auto::kNo) continue;
    auto path = PathOf(setting.name);
    if (!path) return path.error();
    if (!base::EqualsIgnoreCase(setting.name, "INBOX") && !IsMaildir(*path)) {
      base::Status created = Create(setting.name);
      if (!created.ok()) return created;
    }
    if (setting.autocreate == MailboxSetting::Auto::kSubscribe) {
      base::Status subscribed = SetSubscribed(setting.name, true);
      if (!subscribed.ok()) return subscribed;
    }
  }
  return base::Status::Ok();
}

std::optional<std::string> MailStore::SpecialUseMailbox(std::string_view attribute) const {
  for (const MailboxSetting& setting : settings_) {
    for (const std::string& use : setting.special_use) {
      if (!base::EqualsIgnoreCase(use, attribute)) continue;
      auto path = PathOf(setting.name);
      if (path && IsMaildir(*path)) return setting.name;
    }
  }
  return std::nullopt;
}

base::Result<std::string> MailStore::PathOf(std::string_view name) const {
  std::optional<std::string> dir = MailboxDirectory(name, layout_);
  if (!dir) {
    return base::Err(base::Status::InvalidArgument("invalid mailbox name '" + std::string(name) + "'"));
  }
  return dir->empty() ? root_ : root_ + "/" + *dir;
}

base::Result<std::vector<std::string>> MailStore::AllNames() const {
  std::vector<std::string> names;
  std::error_code ec;
  if (layout_ == Layout::kMaildirPlusPlus) {
    fs::directory_iterator it(root_, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
      std::optional<std::string> name = MailboxFromDirectory(it->path().filename().string());
      if (name && IsMaildir(it->path())) names.push_back(*name);
    }
    if (ec) return base::Err(base::Status::IOError("cannot list " + root_ + ": " + ec.message()));
    return names;
  }
  fs::recursive_directory_iterator it(root_, ec);
  if (ec) return base::Err(base::Status::IOError("cannot list " + root_ + ": " + ec.message()));
  for (auto entry = it; entry != fs::recursive_directory_iterator(); entry.increment(ec)) {
    if (ec) return base::Err(base::Status::IOError("cannot list " + root_ + ": " + ec.message()));
    std::string leaf = entry->path().filename().string();
    if (leaf == "cur" || leaf == "new" || leaf == "tmp") {
      entry.disable_recursion_pending();
      continue;
    }
    std::error_code type_ec;
    if (!entry->is_directory(type_ec)) continue;
    std::string relative = entry->path().lexically_relative(root_).string();
    std::string name;
    bool ok = true;
    for (std::string_view level : base::SplitString(relative, '/')) {
      std::optional<std::string> decoded = DecodeModifiedUtf7(level);
      if (!decoded) ok = false;
      name += (name.empty() ? "" : "/") + decoded.value_or("");
    }
    // Directories that are not mailbox names (".hidden", undecodable) are not mailboxes.
    if (ok && MailboxDirectory(name, layout_)) names.push_back(name);
    if (!ok || !MailboxDirectory(name, layout_)) entry.disable_recursion_pending();
  }
  return names;
}

base::Result<std::vector<MailboxInfo>> MailStore::List(std::string_view pattern) const {
  auto names = AllNames();
  if (!names) return base::Err(names.error());
  std::set<std::string> all(names->begin(), names->end());
  // Parents implied by children ("a" of "a/b") exist as \Noselect entries.
  std::set<std::string> implied;
  for (const std::string& name : all) {
    for (size_t slash = name.find('/'); slash != std::string::npos; slash = name.find('/', slash + 1)) {
      implied.insert(name.substr(0, slash));
    }
  }
  std::vector<MailboxInfo> out;
  auto has_children = [&](const std::string& name) {
    auto it = all.upper_bound(name + "/");
    return (it != all.end() && it->starts_with(name + "/")) || implied.contains(name + "/");
  };
  if (MatchesListPattern("INBOX", pattern)) out.push_back({"INBOX", false, true, {}});
  std::set<std::string> listed = all;
  listed.insert(implied.begin(), implied.end());
  for (const std::string& name : listed) {
    if (!MatchesListPattern(name, pattern)) continue;
    bool selectable = all.contains(name);
    if (selectable && layout_ == Layout::kFs) {
      auto path = PathOf(name);
      selectable = path && IsMaildir(*path);
    }
    out.push_back({name, has_children(name), selectable, {}});
  }
  for (MailboxInfo& info : out) {
    for (const MailboxSetting& setting : settings_) {
      if (setting.name == info.name) info.special_use = setting.special_use;
    }
  }
  return out;
}

base::Status MailStore::Create(std::string_view name) {
  if (base::EqualsIgnoreCase(name, "INBOX")) {
    return base::Status::InvalidArgument("mailbox INBOX already exists");
  }
  auto path = PathOf(name);
  if (!path) return path.error();
  if (IsMaildir(*path)) {
    return base::Status::InvalidArgument("mailbox '" + std::string(name) + "' already exists");
  }
  if (layout_ == Layout::kFs) {
    std::error_code ec;
    fs::create_directories(fs::path(*path).parent_path(), ec);
    if (ec) return base::Status::IOError("cannot create " + *path + ": " + ec.message());
  }
  auto box = Maildir::Open(*path, {.create = true});
  if (!box) return box.error();
  // Dovecot marks maildir++ folders with an empty `maildirfolder` file (quota code uses it).
  if (layout_ == Layout::kMaildirPlusPlus) {
    base::Status marked = base::WriteFileAtomic(*path + "/maildirfolder", "");
    if (!marked.ok()) return marked;
  }
  return SyncDirectory(root_);
}

base::Status MailStore::Rename(std::string_view from, std::string_view to) {
  if (base::EqualsIgnoreCase(from, "INBOX") || base::EqualsIgnoreCase(to, "INBOX")) {
    return base::Status::Unsupported("renaming to or from INBOX is not supported");
  }
  auto from_path = PathOf(from);
  if (!from_path) return from_path.error();
  auto to_path = PathOf(to);
  if (!to_path) return to_path.error();
  std::error_code ec;
  if (fs::exists(*to_path, ec)) {
    return base::Status::InvalidArgument("mailbox '" + std::string(to) + "' already exists");
  }
  if (!fs::exists(*from_path, ec)) {
    return base::Status::NotFound("mailbox '" + std::string(from) + "' does not exist");
  }
  std::vector<std::pair<std::string, std::string>> moves{{*from_path, *to_path}};
  if (layout_ == Layout::kMaildirPlusPlus) {
    // Children are separate directories beside it: ".a.b" moves with ".a".
    auto names = AllNames();
    if (!names) return names.error();
    const std::string prefix = std::string(from) + "/";
    for (const std::string& name : *names) {
      if (!name.starts_with(prefix)) continue;
      auto child_from = PathOf(name);
      auto child_to = PathOf(std::string(to) + "/" + name.substr(prefix.size()));
      if (!child_from || !child_to) return base::Status::InvalidArgument("cannot rename '" + name + "'");
      moves.emplace_back(*child_from, *child_to);
    }
  } else {
    fs::create_directories(fs::path(*to_path).parent_path(), ec);
  }
  for (const auto& [source, target] : moves) {
    fs::rename(source, target, ec);
    if (ec) return base::Status::IOError("cannot rename " + source + ": " + ec.message());
  }
  return SyncDirectory(root_);
}

base::Status MailStore::Delete(std::string_view name) {
  if (base::EqualsIgnoreCase(name, "INBOX")) return base::Status::InvalidArgument("INBOX cannot be deleted");
  auto path = PathOf(name);
  if (!path) return path.error();
  if (!IsMaildir(*path)) return base::Status::NotFound("mailbox '" + std::string(name) + "' does not exist");
  std::error_code ec;
  if (layout_ == Layout::kMaildirPlusPlus) {
    fs::remove_all(*path, ec);
  } else {
    // LAYOUT=fs: the children live inside; only the mailbox's own files go.
    for (const char* sub : {"cur", "new", "tmp"}) {
      fs::remove_all(fs::path(*path) / sub, ec);
      if (ec) return base::Status::IOError("cannot delete " + *path + "/" + sub + ": " + ec.message());
    }
    for (const char* file : {"dovecot-uidlist", "dovecot-keywords", "maildirfolder", "roost.index",
                             "roost.cache"}) {
      fs::remove(fs::path(*path) / file, ec);
      if (ec) return base::Status::IOError("cannot delete " + *path + "/" + file + ": " + ec.message());
    }
    // The directory itself goes only when no child mailbox is left inside.
    fs::remove(*path, ec);
    if (ec == std::errc::directory_not_empty) ec.clear();
  }
  if (ec) return base::Status::IOError("cannot delete " + *path + ": " + ec.message());
  return SyncDirectory(root_);
}

base::Result<Maildir> MailStore::Open(std::string_view name) const {
  auto path = PathOf(name);
  if (!path) return base::Err(path.error());
  if (!base::EqualsIgnoreCase(name, "INBOX") && !IsMaildir(*path)) {
    return base::Err(base::Status::NotFound("mailbox '" + std::string(name) + "' does not exist"));
  }
  // INBOX always exists: it is created on first use.
  return Maildir::Open(*path, {.create = base::EqualsIgnoreCase(name, "INBOX")});
}

base::Result<std::vector<std::string>> MailStore::Subscriptions() const {
  auto text = base::ReadFile(root_ + "/subscriptions");
  if (!text) {
    if (text.error().code() == base::Status::Code::kNotFound) return std::vector<std::string>();
    return base::Err(text.error());
  }
  return ParseSubscriptions(*text);
}

base::Status MailStore::SetSubscribed(std::string_view name, bool subscribed) {
  // Read, change and write under subscriptions.lock (as Dovecot does), so that two sessions
  // subscribing at once keep both names.
  auto lock = DotLock::Acquire(root_ + "/subscriptions");
  if (!lock) return lock.error();
  auto names = Subscriptions();
  if (!names) return names.error();
  auto it = std::find(names->begin(), names->end(), name);
  if (subscribed == (it != names->end())) return base::Status::Ok();
  if (subscribed) {
    names->emplace_back(name);
  } else {
    names->erase(it);
  }
  return lock->Commit(FormatSubscriptions(*names));
}

}  // namespace storage
