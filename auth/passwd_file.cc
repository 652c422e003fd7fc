#include "auth/passwd_file.h"

#include "base/fs.h"
#include "base/strings.h"

namespace auth {

base::Result<PasswdFile> PasswdFile::Parse(std::string_view text) {
  PasswdFile file;
  size_t number = 0;
  for (std::string_view line : base::SplitString(text, '\n')) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    auto bad = [&](std::string_view why) {
      return base::Err(base::Status::Corruption("passwd-file line " + std::to_string(number) +
                                                ": " + std::string(why)));
    };
    // The first seven fields are ':'-separated; everything after the seventh ':' is the extra
    // fields, which may contain ':' themselves (quota rules do).
    std::vector<std::string_view> fields;
    size_t pos = 0;
    while (fields.size() < 7) {
      size_t colon = line.find(':', pos);
      if (colon == std::string_view::npos) break;
      fields.push_back(line.substr(pos, colon - pos));
      pos = colon + 1;
    }
    fields.push_back(line.substr(pos));
    // A name alone is an entry without a password: Dovecot's deny files are such lists.
    if (fields[0].empty()) return bad("a line without a user name");
    PasswdEntry entry;
    entry.user = std::string(fields[0]);
    if (fields.size() >= 2) entry.password = std::string(fields[1]);
    std::string* targets[] = {&entry.uid, &entry.gid, &entry.gecos, &entry.home, &entry.shell};
    for (size_t i = 2; i < fields.size() && i < 7; ++i) *targets[i - 2] = std::string(fields[i]);
    if (fields.size() == 8) {
      for (std::string_view field : base::SplitString(fields[7], ' ')) {
        if (field.empty()) continue;
        size_t eq = field.find('=');
        std::string key(field.substr(0, eq));
        if (key.empty()) return bad("an extra field without a name");
        entry.extra.emplace_back(key, eq == std::string_view::npos ? "" : std::string(field.substr(eq + 1)));
      }
    }
    file.entries_.insert_or_assign(entry.user, std::move(entry));  // a later line wins
  }
  return file;
}

base::Result<PasswdFile> PasswdFile::Load(const std::string& path) {
  auto text = base::ReadFile(path);
  if (!text) return base::Err(text.error());
  auto parsed = Parse(*text);
  if (!parsed) return base::Err(base::Status::Corruption(path + ": " + parsed.error().message()));
  return parsed;
}

const PasswdEntry* PasswdFile::Find(std::string_view user) const {
  auto it = entries_.find(user);
  return it == entries_.end() ? nullptr : &it->second;
}

}  // namespace auth
