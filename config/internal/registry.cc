// Lookups over the registry table (registry_table.cc) and the section nesting rules.
#include "config/internal/registry.h"

#include <algorithm>
#include <limits>
#include <string>
#include <string_view>

#include "base/strings.h"
#include "config/values.h"

namespace config::internal {
namespace {

struct SectionType {
  std::string_view word;
  SectionKind kind;
};

constexpr SectionType kSectionTypes[] = {
    {"service", kService},
    {"inet_listener", kInetListener},
    {"unix_listener", kUnixListener},
    {"fifo_listener", kFifoListener},
    {"passdb", kPassdb},
    {"userdb", kUserdb},
    {"namespace", kNamespace},
    {"mailbox", kMailbox},
    {"plugin", kPlugin},
    {"dict", kDict},
    {"metric", kMetric},
    {"event_exporter", kEventExporter},
    {"protocol", kFilter},
    {"local", kFilter},
    {"remote", kFilter},
    {"local_name", kFilter},
};

// Which kinds each kind may contain. Filters take what the top level takes except the
// blocks Dovecot reads once per process (services, stats, dict): those have no per-protocol
// or per-IP meaning.
constexpr uint16_t kFilterChildren = kPassdb | kUserdb | kNamespace | kPlugin | kFilter;
constexpr uint16_t kRootChildren = kFilterChildren | kService | kDict | kMetric | kEventExporter;

uint16_t ChildrenOf(SectionKind parent) {
  switch (parent) {
    case kRoot:
      return kRootChildren;
    case kFilter:
      return kFilterChildren;
    case kService:
      return kInetListener | kUnixListener | kFifoListener;
    case kNamespace:
      return kMailbox;
    default:
      return kNone;
  }
}

// The Status of a parse, dropping the value (g++ 12's std::expected has no error_or).
template <typename T>
base::Status StatusOf(const base::Result<T>& parsed) {
  return parsed ? base::Status::Ok() : parsed.error();
}

base::Status Invalid(std::string_view what, std::string_view value) {
  return base::Status::InvalidArgument(std::string(what) + std::string(value));
}

base::Status CheckNumber(std::string_view value, uint64_t max) {
  base::Result<uint64_t> number = ParseUint(value);
  if (!number) return number.error();
  if (*number > max) {
    return base::Status::InvalidArgument("Invalid number " + std::string(value) +
                                         ": Number too large (maximum " + std::to_string(max) +
                                         ")");
  }
  return base::Status::Ok();
}

base::Status CheckEnum(const SettingDef& def, std::string_view value) {
  std::string allowed;
  for (std::string_view candidate : base::SplitString(def.values, ':')) {
    if (candidate == value) return base::Status::Ok();  // Dovecot compares case-sensitively
    allowed += (allowed.empty() ? "" : ", ") + std::string(candidate);
  }
  return base::Status::InvalidArgument("Invalid value: " + std::string(value) +
                                       " (use one of: " + allowed + ")");
}

// The value in a canonical form for comparison; values that do not parse stay as written.
std::string Canonical(const SettingDef& def, std::string_view value) {
  switch (def.type) {
    case SettingType::kBool:
      if (auto b = ParseBool(value)) return *b ? "yes" : "no";
      break;
    case SettingType::kUint:
    case SettingType::kPort:
      if (auto n = ParseUint(value)) return std::to_string(*n);
      break;
    case SettingType::kOctal:
      if (auto n = ParseUint(value)) return std::to_string(*n);  // 0600 and 600 are one mode
      break;
    case SettingType::kSize:
      if (auto n = ParseSize(value)) return std::to_string(*n);
      break;
    case SettingType::kTime:
    case SettingType::kTimeMsecs:
      if (auto t = ParseTime(value)) return std::to_string(t->count());
      break;
    default:
      break;
  }
  return std::string(value);
}

}  // namespace

base::Status CheckValue(const SettingDef& def, std::string_view value) {
  constexpr uint64_t kUintMax = std::numeric_limits<uint32_t>::max();  // Dovecot's unsigned int
  switch (def.type) {
    case SettingType::kString:
    case SettingType::kList:
      return base::Status::Ok();
    case SettingType::kBool:
      return StatusOf(ParseBool(value));
    case SettingType::kUint:
      return CheckNumber(value, kUintMax);
    case SettingType::kPort:
      return CheckNumber(value, 65535);
    case SettingType::kOctal:
      if (value.empty() || value.find_first_not_of("01234567") != std::string_view::npos) {
        return Invalid("Invalid number: not an octal file mode: ", value);
      }
      return CheckNumber(value, 07777);
    case SettingType::kSize:
      return StatusOf(ParseSize(value));
    case SettingType::kTime: {
      base::Result<std::chrono::milliseconds> time = ParseTime(value);
      if (!time) return time.error();
      if (time->count() % 1000 != 0) {
        return Invalid("Milliseconds not supported for this setting: ", value);
      }
      return base::Status::Ok();
    }
    case SettingType::kTimeMsecs:
      return StatusOf(ParseTime(value));
    case SettingType::kEnum:
      return CheckEnum(def, value);
  }
  return base::Status::Ok();
}

bool SameValue(const SettingDef& def, std::string_view a, std::string_view b) {
  return a == b || Canonical(def, a) == Canonical(def, b);
}

const SettingDef* FindSetting(SectionKind kind, std::string_view name) {
  const SectionKind wanted = kind == kFilter ? kRoot : kind;
  std::span<const SettingDef> all = AllSettings();
  auto it =
      std::lower_bound(all.begin(), all.end(), name,
                       [](const SettingDef& def, std::string_view n) { return def.name < n; });
  for (; it != all.end() && it->name == name; ++it) {
    if (it->sections & wanted) return &*it;
  }
  return nullptr;
}

SectionKind KindOf(std::string_view section_type) {
  for (const SectionType& t : kSectionTypes) {
    if (t.word == section_type) return t.kind;
  }
  return kNone;
}

bool AllowedIn(SectionKind parent, SectionKind child) {
  return child != kNone && (ChildrenOf(parent) & child) != 0;
}

}  // namespace config::internal
