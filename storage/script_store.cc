#include "storage/script_store.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>

#include "base/fs.h"
#include "base/strings.h"
#include "storage/durable_file.h"
#include "storage/limits.h"

namespace storage {
namespace {

namespace fs = std::filesystem;
constexpr std::string_view kSuffix = ".sieve";

size_t Utf8Length(std::string_view s) {
  return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xc0) != 0x80;
  }));
}

}  // namespace

ScriptStore::ScriptStore(std::string sieve_dir, std::string active_link, ScriptQuota quota)
    : dir_(std::move(sieve_dir)), link_(std::move(active_link)), quota_(quota) {}

std::optional<std::string> ScriptStore::CheckName(std::string_view name) {
  if (name.empty()) return "a script name cannot be empty";
  if (!base::IsValidUtf8(name)) return "a script name must be UTF-8";
  if (Utf8Length(name) > kMaxScriptNameLength) {
    return "a script name is at most " + std::to_string(kMaxScriptNameLength) + " characters";
  }
  for (size_t i = 0; i < name.size(); ++i) {
    auto u = static_cast<unsigned char>(name[i]);
    // RFC 5804 §1.6: no control characters (Unicode Cc: C0, DEL, and C1 = U+0080-U+009F,
    // encoded C2 80-C2 9F); '/' would leave sieve_dir.
    bool c1 = u == 0xc2 && i + 1 < name.size() && static_cast<unsigned char>(name[i + 1]) <= 0x9f;
    if (u < 0x20 || u == 0x7f || c1 || name[i] == '/') {
      return "a script name cannot contain control characters or '/'";
    }
  }
  if (name == "." || name == "..") return "a script name cannot be '.' or '..'";
  return std::nullopt;
}

std::string ScriptStore::PathOf(std::string_view name) const {
  return dir_ + "/" + std::string(name) + std::string(kSuffix);
}

base::Result<std::vector<ScriptInfo>> ScriptStore::List() const {
  auto active = ActiveName();
  if (!active) return base::Err(active.error());
  std::vector<ScriptInfo> out;
  std::error_code ec;
  if (!fs::exists(dir_, ec)) return out;
  fs::directory_iterator it(dir_, ec);
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
    std::string file = it->path().filename().string();
    std::error_code type_ec;
    if (!file.ends_with(kSuffix) || file[0] == '.' || !it->is_regular_file(type_ec)) continue;
    std::string name = file.substr(0, file.size() - kSuffix.size());
    if (CheckName(name)) continue;
    out.push_back({name, active->has_value() && **active == name});
  }
  if (ec) return base::Err(base::Status::IOError("cannot list " + dir_ + ": " + ec.message()));
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return out;
}

base::Result<std::string> ScriptStore::Read(std::string_view name) const {
  if (auto bad = CheckName(name)) return base::Err(base::Status::InvalidArgument(*bad));
  auto text = base::ReadFile(PathOf(name));
  if (!text && text.error().code() == base::Status::Code::kNotFound) {
    return base::Err(base::Status::NotFound("there is no script named '" + std::string(name) + "'"));
  }
  return text;
}

base::Status ScriptStore::CheckSpace(std::string_view name, uint64_t size) const {
  if (auto bad = CheckName(name)) return base::Status::InvalidArgument(*bad);
  if (quota_.max_scripts == 0 && quota_.max_storage == 0) return base::Status::Ok();
  auto scripts = List();
  if (!scripts) return scripts.error();
  uint64_t used = 0;
  bool replaces = false;
  for (const ScriptInfo& script : *scripts) {
    std::error_code ec;
    uint64_t bytes = fs::file_size(PathOf(script.name), ec);
    if (script.name == name) {
      replaces = true;  // its old size is given back
    } else if (!ec) {
      used += bytes;
    }
  }
  if (!replaces && quota_.max_scripts != 0 && scripts->size() + 1 > quota_.max_scripts) {
    return base::Status::QuotaExceeded("too many scripts (at most " +
                                       std::to_string(quota_.max_scripts) + ")");
  }
  if (quota_.max_storage != 0 && used + size > quota_.max_storage) {
    return base::Status::QuotaExceeded("not enough room for the script (" +
                                       std::to_string(used + size) + " of at most " +
                                       std::to_string(quota_.max_storage) + " bytes)");
  }
  return base::Status::Ok();
}

base::Status ScriptStore::Put(std::string_view name, std::string_view content) {
  base::Status space = CheckSpace(name, content.size());
  if (!space.ok()) return space;
  std::error_code ec;
  fs::create_directories(dir_, ec);
  if (ec) return base::Status::IOError("cannot create " + dir_ + ": " + ec.message());
  base::Status written = base::WriteFileAtomic(PathOf(name), content);
  if (!written.ok()) return written;
  // A compiled binary of the old text must not be mistaken for the new one.
  fs::remove(dir_ + "/" + std::string(name) + ".svbin", ec);
  return base::Status::Ok();
}

base::Status ScriptStore::Delete(std::string_view name) {
  if (auto bad = CheckName(name)) return base::Status::InvalidArgument(*bad);
  auto active = ActiveName();
  if (!active) return active.error();
  if (active->has_value() && **active == name) {
    return base::Status::InvalidArgument("the active script cannot be deleted");
  }
  if (unlink(PathOf(name).c_str()) != 0) {
    if (errno == ENOENT) return base::Status::NotFound("there is no script named '" + std::string(name) + "'");
    return ErrnoStatus("cannot delete", PathOf(name));
  }
  std::error_code ec;
  fs::remove(dir_ + "/" + std::string(name) + ".svbin", ec);
  return SyncDirectory(dir_);
}

base::Status ScriptStore::Rename(std::string_view from, std::string_view to) {
  if (auto bad = CheckName(from)) return base::Status::InvalidArgument(*bad);
  if (auto bad = CheckName(to)) return base::Status::InvalidArgument(*bad);
  std::error_code ec;
  if (!fs::exists(PathOf(from), ec)) {
    return base::Status::NotFound("there is no script named '" + std::string(from) + "'");
  }
  if (fs::exists(PathOf(to), ec)) {
    return base::Status::InvalidArgument("a script named '" + std::string(to) + "' exists");
  }
  auto active = ActiveName();
  if (!active) return active.error();
  // link + unlink rather than rename: a script created as `to` meanwhile is not overwritten.
  if (link(PathOf(from).c_str(), PathOf(to).c_str()) != 0) return ErrnoStatus("cannot rename to", PathOf(to));
  if (active->has_value() && **active == from) {
    base::Status relinked = Activate(to);
    if (!relinked.ok()) {
      unlink(PathOf(to).c_str());
      return relinked;
    }
  }
  unlink(PathOf(from).c_str());
  fs::remove(dir_ + "/" + std::string(from) + ".svbin", ec);
  return SyncDirectory(dir_);
}

base::Status ScriptStore::Activate(std::string_view name) {
  std::error_code ec;
  const fs::path link(link_);
  if (!name.empty()) {
    if (auto bad = CheckName(name)) return base::Status::InvalidArgument(*bad);
    if (!fs::exists(PathOf(name), ec)) {
      return base::Status::NotFound("there is no script named '" + std::string(name) + "'");
    }
  }
  if (fs::exists(fs::symlink_status(link, ec)) && !fs::is_symlink(fs::symlink_status(link, ec))) {
    // A hand-written script where the link belongs: keep it as a script, then link. link()
    // fails rather than replace an earlier rescued script.
    fs::create_directories(dir_, ec);
    if (::link(link_.c_str(), PathOf("dovecot.orig").c_str()) != 0) {
      return ErrnoStatus("cannot keep the hand-written script as", PathOf("dovecot.orig"));
    }
    if (unlink(link_.c_str()) != 0) return ErrnoStatus("cannot move aside", link_);
  }
  if (name.empty()) {
    if (unlink(link_.c_str()) != 0 && errno != ENOENT) return ErrnoStatus("cannot remove", link_);
    return SyncDirectory(link.parent_path().empty() ? "." : link.parent_path().string());
  }
  // Relative when sieve_dir is below the link's directory, as Pigeonhole writes it.
  fs::path target = fs::path(PathOf(name)).lexically_relative(link.parent_path());
  if (target.empty() || target.string().starts_with("..")) target = PathOf(name);
  const std::string temp = base::UniqueTempPath(link_, "roost-tmp");
  if (symlink(target.c_str(), temp.c_str()) != 0) return ErrnoStatus("cannot create", temp);
  if (rename(temp.c_str(), link_.c_str()) != 0) {
    base::Status failed = ErrnoStatus("cannot replace", link_);
    unlink(temp.c_str());
    return failed;
  }
  return SyncDirectory(link.parent_path().empty() ? "." : link.parent_path().string());
}

base::Result<std::optional<std::string>> ScriptStore::ActiveName() const {
  std::error_code ec;
  fs::file_status status = fs::symlink_status(link_, ec);
  if (!fs::exists(status) || !fs::is_symlink(status)) return std::optional<std::string>();
  fs::path target = fs::read_symlink(link_, ec);
  if (ec) return base::Err(base::Status::IOError("cannot read " + link_ + ": " + ec.message()));
  if (target.is_relative()) target = fs::path(link_).parent_path() / target;
  // Only a link into sieve_dir names one of our scripts. The link this store writes names
  // sieve_dir as written, so the lexical comparison usually settles it without a path walk.
  std::string file = target.filename().string();
  if (!file.ends_with(kSuffix)) return std::optional<std::string>();
  if (target.parent_path().lexically_normal() != fs::path(dir_).lexically_normal() &&
      fs::weakly_canonical(target.parent_path(), ec) != fs::weakly_canonical(dir_, ec)) {
    return std::optional<std::string>();
  }
  return std::optional<std::string>(file.substr(0, file.size() - kSuffix.size()));
}

}  // namespace storage
