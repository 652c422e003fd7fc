// The real filesystem behind FileSource: the one place config/ touches the disk.
#include <glob.h>

#include "base/fs.h"
#include "config/config.h"

namespace config {
namespace {

class RealFileSource : public FileSource {
 public:
  base::Result<std::string> Read(const std::string& path) const override {
    return base::ReadFile(path);
  }

  base::Result<std::vector<std::string>> Glob(const std::string& pattern) const override {
    glob_t matches{};
    // GLOB_BRACE as Dovecot uses it; results come back sorted, which fixes conf.d order.
    int rc = ::glob(pattern.c_str(), GLOB_BRACE, nullptr, &matches);
    std::vector<std::string> paths;
    if (rc == 0) paths.assign(matches.gl_pathv, matches.gl_pathv + matches.gl_pathc);
    ::globfree(&matches);
    if (rc == 0 || rc == GLOB_NOMATCH) return paths;
    const char* why = rc == GLOB_NOSPACE ? "out of memory" : "read error";
    return base::Err(base::Status::IOError("glob " + pattern + ": " + why));
  }
};

}  // namespace

const FileSource& RealFiles() {
  // Stateless, so sharing one instance is not global mutable state.
  static const RealFileSource kFiles;
  return kFiles;
}

}  // namespace config
