// Settings::Build (validation against the registry) and the typed accessors.
#include "config/settings.h"

#include <string>

#include "base/strings.h"
#include "config/internal/registry.h"
#include "config/internal/unsupported.h"

namespace config {
namespace {

using internal::SectionKind;
using internal::SettingDef;

std::string Where(const std::string& file, int line) {
  return line > 0 ? file + ":" + std::to_string(line) + ": " : file + ": ";
}

std::string Where(const Setting& s) { return Where(s.file, s.line); }

std::string Where(const Section& s) { return Where(s.file, s.line); }

base::Status At(const std::string& where, std::string_view key, const base::Status& why) {
  return base::Status::InvalidArgument(where + std::string(key) + ": " + why.message());
}

// A value kept as `<path` (read_value_files off) is a file name, not the value to check.
bool IsUnreadFile(const Setting& s) { return !s.value_file.empty() && s.value.starts_with('<'); }

class Validator {
 public:
  explicit Validator(std::vector<std::string>* warnings) : warnings_(warnings) {}

  base::Status Section(const config::Section& section, SectionKind kind) {
    for (const Setting& s : section.settings) {
      if (base::Status st = CheckSetting(s, kind); !st.ok()) return st;
    }
    if ((kind == internal::kPassdb || kind == internal::kUserdb) &&
        section.Find("driver") == nullptr) {
      return base::Status::InvalidArgument(Where(section) + section.type + " is missing driver");
    }
    for (const config::Section& child : section.children) {
      SectionKind child_kind = internal::KindOf(child.type);
      if (child_kind == internal::kNone) {
        Warn(Where(child) + "Unknown section: " + child.type);
        continue;
      }
      if (!internal::AllowedIn(kind, child_kind)) {
        return base::Status::InvalidArgument(
            Where(child) + "Section " + child.type + " is not allowed " +
            (kind == internal::kRoot ? "at the top level" : "inside " + section.type));
      }
      if (base::Status st = Section(child, child_kind); !st.ok()) return st;
    }
    return base::Status::Ok();
  }

 private:
  base::Status CheckSetting(const Setting& s, SectionKind kind) {
    const SettingDef* def = internal::FindSetting(kind, s.key);
    if (def == nullptr) {
      // plugin {} and dict {} are free-form: plugins read what they like from them.
      if (kind != internal::kPlugin && kind != internal::kDict) {
        Warn(Where(s) + "Unknown setting: " + s.key);
      }
      return base::Status::Ok();
    }
    if (IsUnreadFile(s)) return base::Status::Ok();
    if (base::Status st = internal::CheckValue(*def, s.value); !st.ok()) {
      return At(Where(s), s.key, st);
    }
    if (base::Status st = internal::CheckSupported(kind, s.key, s.value); !st.ok()) {
      return base::Status::InvalidArgument(Where(s) + st.message());
    }
    return base::Status::Ok();
  }

  void Warn(std::string message) {
    if (warnings_ != nullptr) warnings_->push_back(std::move(message));
  }

  std::vector<std::string>* warnings_;
};

// The kind of section a Config::Find path ends in: segments pair up as type/name, a single
// leftover before the key is an unnamed type.
SectionKind KindOfPath(std::string_view path) {
  std::vector<std::string_view> parts = base::SplitString(path, '/');
  SectionKind kind = internal::kRoot;
  for (size_t i = 0; i + 1 < parts.size(); i += 2) {
    kind = internal::KindOf(parts[i]);
  }
  return kind;
}

std::string_view KeyOfPath(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// Lookup's value parsed by `parse` (g++ 12's std::expected has no and_then).
template <typename Parse>
auto ParseFound(base::Result<std::string> found, Parse parse) -> decltype(parse("")) {
  if (!found) return base::Err(found.error());
  return parse(*found);
}

}  // namespace

base::Result<Settings> Settings::Build(Config config, std::vector<std::string>* warnings) {
  Validator validator(warnings);
  if (base::Status st = validator.Section(config.root, internal::kRoot); !st.ok()) {
    return base::Err(st);
  }
  return Settings(std::move(config));
}

base::Result<std::string> Settings::Lookup(std::string_view path) const {
  if (const Setting* s = config_.Find(path)) return s->value;
  if (const SettingDef* def = internal::FindSetting(KindOfPath(path), KeyOfPath(path))) {
    return std::string(def->default_value);
  }
  return base::Err(base::Status::NotFound("no setting " + std::string(path)));
}

std::string Settings::Get(std::string_view path) const { return Lookup(path).value_or(""); }

std::string Settings::GetFor(std::string_view protocol, std::string_view key) const {
  std::string filtered = "protocol/" + std::string(protocol) + "/" + std::string(key);
  if (const Setting* s = config_.Find(filtered)) return s->value;
  return Get(key);
}

bool Settings::IsSet(std::string_view path) const { return config_.Find(path) != nullptr; }

base::Result<bool> Settings::GetBool(std::string_view path) const {
  return ParseFound(Lookup(path), ParseBool);
}

base::Result<uint64_t> Settings::GetUint(std::string_view path) const {
  return ParseFound(Lookup(path), ParseUint);
}

base::Result<uint64_t> Settings::GetSize(std::string_view path) const {
  return ParseFound(Lookup(path), ParseSize);
}

base::Result<std::chrono::milliseconds> Settings::GetTime(std::string_view path) const {
  return ParseFound(Lookup(path), ParseTime);
}

std::vector<std::string> Settings::GetList(std::string_view path) const {
  return SplitList(Get(path));
}

}  // namespace config
