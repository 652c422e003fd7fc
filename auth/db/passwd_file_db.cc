#include "auth/db/passwd_file_db.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>

#include <map>
#include <mutex>

#include "auth/db/request_vars.h"
#include "auth/passwd_file.h"
#include "base/strings.h"

namespace auth {

class PasswdFileSet {
 public:
  explicit PasswdFileSet(PasswdFileArgs args) : args_(std::move(args)) {}

  const PasswdFileArgs& args() const { return args_; }

  // The entry for this request's user, or a status: NotFound (no such user) or another
  // code for a file that cannot be read (a temporary failure for the login).
  base::Result<PasswdEntry> Find(const AuthRequest& request) {
    auto path = ExpandForRequest(args_.path, request);
    if (!path) return base::Err(path.error());
    auto key = ExpandForRequest(args_.username_format, request);
    if (!key) return base::Err(key.error());
    auto file = Current(*path);
    if (!file) return base::Err(file.error());
    const PasswdEntry* entry = (*file)->Find(*key);
    if (entry == nullptr) return base::Err(base::Status::NotFound(*key));
    return *entry;
  }

 private:
  struct Loaded {
    struct timespec mtime {};
    off_t size = -1;
    std::shared_ptr<const PasswdFile> file;
  };

  // The parsed file, re-read when stat() says it changed. The stat() runs outside the lock
  // so that concurrent logins only serialize on the map lookup.
  base::Result<std::shared_ptr<const PasswdFile>> Current(const std::string& path) {
    struct stat st {};
    if (stat(path.c_str(), &st) != 0) {
      // A per-domain file that does not exist means "no such users" (Dovecot does the same).
      if (errno == ENOENT) return std::make_shared<const PasswdFile>();
      return base::Err(base::Status::IOError("passwd-file " + path + ": " + strerror(errno)));
    }
    std::lock_guard lock(mutex_);
    Loaded& loaded = files_[path];
    if (loaded.file == nullptr || loaded.size != st.st_size ||
        loaded.mtime.tv_sec != st.st_mtim.tv_sec || loaded.mtime.tv_nsec != st.st_mtim.tv_nsec) {
      auto parsed = PasswdFile::Load(path);
      if (!parsed) return base::Err(parsed.error());
      loaded = {st.st_mtim, st.st_size, std::make_shared<const PasswdFile>(std::move(*parsed))};
    }
    return loaded.file;
  }

  const PasswdFileArgs args_;
  std::mutex mutex_;
  std::map<std::string, Loaded> files_;
};

namespace {

LookupResult Failed(const base::Status& status) {
  if (status.code() == base::Status::Code::kNotFound) return LookupResult::NotFound();
  return LookupResult::TempFail(status.message());
}

class PasswdFilePassDb final : public PassDb {
 public:
  explicit PasswdFilePassDb(std::shared_ptr<PasswdFileSet> files) : files_(std::move(files)) {}
  std::string_view driver() const override { return "passwd-file"; }

  LookupResult Lookup(const AuthRequest& request) override {
    auto entry = files_->Find(request);
    if (!entry) return Failed(entry.error());
    Fields fields;
    if (!entry->password.empty()) fields.emplace_back("password", entry->password);
    // The userdb columns travel as userdb_* so that `userdb { driver = prefetch }` works.
    if (!entry->uid.empty()) fields.emplace_back("userdb_uid", entry->uid);
    if (!entry->gid.empty()) fields.emplace_back("userdb_gid", entry->gid);
    if (!entry->home.empty()) fields.emplace_back("userdb_home", entry->home);
    for (auto& field : entry->extra) fields.push_back(std::move(field));
    return LookupResult::Found(std::move(fields));
  }

 private:
  std::shared_ptr<PasswdFileSet> files_;
};

class PasswdFileUserDb final : public UserDb {
 public:
  explicit PasswdFileUserDb(std::shared_ptr<PasswdFileSet> files) : files_(std::move(files)) {}
  std::string_view driver() const override { return "passwd-file"; }

  LookupResult Lookup(const AuthRequest& request, const Fields&) override {
    auto entry = files_->Find(request);
    if (!entry) return Failed(entry.error());
    Fields fields;
    if (!entry->uid.empty()) fields.emplace_back("uid", entry->uid);
    if (!entry->gid.empty()) fields.emplace_back("gid", entry->gid);
    if (!entry->home.empty()) fields.emplace_back("home", entry->home);
    for (auto& [key, value] : entry->extra) {
      // In a userdb the extra fields are userdb fields; a userdb_ prefix is optional.
      std::string_view name = key;
      if (name.starts_with("userdb_")) name.remove_prefix(7);
      fields.emplace_back(std::string(name), std::move(value));
    }
    return LookupResult::Found(std::move(fields));
  }

 private:
  std::shared_ptr<PasswdFileSet> files_;
};

}  // namespace

base::Result<PasswdFileArgs> ParsePasswdFileArgs(std::string_view args) {
  PasswdFileArgs parsed{.username_format = "%u"};
  for (std::string_view word : base::SplitString(base::TrimWhitespace(args), ' ')) {
    if (word.empty()) continue;
    if (word.starts_with("scheme=")) {
      parsed.scheme = base::AsciiToUpper(word.substr(7));
    } else if (word.starts_with("username_format=")) {
      parsed.username_format = std::string(word.substr(16));
    } else if (word.find('=') != std::string_view::npos && word.front() != '/') {
      return base::Err(base::Status::InvalidArgument("passwd-file: unknown option '" +
                                                     std::string(word) + "'"));
    } else if (!parsed.path.empty()) {
      return base::Err(base::Status::InvalidArgument("passwd-file: more than one path ('" +
                                                     std::string(word) + "')"));
    } else {
      parsed.path = std::string(word);
    }
  }
  if (parsed.path.empty()) {
    return base::Err(base::Status::InvalidArgument("passwd-file: args has no file path"));
  }
  return parsed;
}

std::shared_ptr<PasswdFileSet> NewPasswdFileSet(PasswdFileArgs args) {
  return std::make_shared<PasswdFileSet>(std::move(args));
}

std::unique_ptr<PassDb> NewPasswdFilePassDb(std::shared_ptr<PasswdFileSet> files) {
  return std::make_unique<PasswdFilePassDb>(std::move(files));
}

std::unique_ptr<UserDb> NewPasswdFileUserDb(std::shared_ptr<PasswdFileSet> files) {
  return std::make_unique<PasswdFileUserDb>(std::move(files));
}

std::string_view PasswdFileScheme(const PasswdFileSet& files) {
  return files.args().scheme.empty() ? std::string_view("CRYPT") : files.args().scheme;
}

}  // namespace auth
