// The settings Dovecot 2.3.19 (and Pigeonhole 0.5.19) know, with their types and defaults:
// the registry that config::Settings validates against and `roost config` prints from.
// The table itself is data in registry_table.cc; this header only describes a row.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "base/status.h"

namespace config::internal {

enum class SettingType : uint8_t {
  kString,
  kList,       // a string Roost splits on spaces and commas (protocols, mail_plugins, listen)
  kBool,       // yes / no (Dovecot also takes y and 1)
  kUint,       // 0 .. 4294967295, Dovecot's unsigned int
  kPort,       // 0 .. 65535
  kOctal,      // a file mode such as 0600
  kSize,       // bytes, "10M", "1 G"; Dovecot has no "unlimited" here
  kTime,       // whole seconds: "30 secs", "1h", "2 weeks"
  kTimeMsecs,  // like kTime, but milliseconds are allowed ("250 ms")
  kEnum,       // one of SettingDef::values
};

// The kinds of `type [name] {` block a setting may appear in, as bits so that one row can
// serve several kinds (a listener's user and group). Top-level settings (kRoot) are also
// valid inside the filters protocol, local, remote and local_name.
enum SectionKind : uint16_t {
  kNone = 0,
  kRoot = 1 << 0,
  kService = 1 << 1,
  kInetListener = 1 << 2,
  kUnixListener = 1 << 3,
  kFifoListener = 1 << 4,
  kPassdb = 1 << 5,
  kUserdb = 1 << 6,
  kNamespace = 1 << 7,
  kMailbox = 1 << 8,
  kPlugin = 1 << 9,  // free-form: any key is allowed; the known ones are typed
  kDict = 1 << 10,   // free-form: dict names -> URIs
  kMetric = 1 << 11,
  kEventExporter = 1 << 12,
  kFilter = 1 << 13,  // protocol, local, remote, local_name: holds kRoot settings
};

struct SettingDef {
  std::string_view name;
  SettingType type;
  // As `doveconf -a` prints it ("1 hours", "256 M"); a setting left unset has this value.
  std::string_view default_value;
  uint16_t sections;        // SectionKind bits
  std::string_view values;  // kEnum only: the allowed values, ':'-separated as in Dovecot
};

// Every row, sorted by name (then by the sections bits), so lookups can bisect.
std::span<const SettingDef> AllSettings();

// The row for `name` valid in section kind `kind` (a filter counts as kRoot), or nullptr.
const SettingDef* FindSetting(SectionKind kind, std::string_view name);

// The kind of a section type word ("service" -> kService, "protocol" -> kFilter); kNone
// for a type Dovecot does not know.
SectionKind KindOf(std::string_view section_type);

// Whether a section of kind `child` may appear directly inside one of kind `parent`.
bool AllowedIn(SectionKind parent, SectionKind child);

// Ok when `value` is well-formed for `def`'s type; otherwise InvalidArgument with Dovecot's
// wording ("Invalid boolean value: maybe (use yes or no)"), naming no location.
base::Status CheckValue(const SettingDef& def, std::string_view value);

// Whether two well-formed values of `def` mean the same ("1h" and "1 hours", "yes" and "y").
bool SameValue(const SettingDef& def, std::string_view a, std::string_view b);

}  // namespace config::internal
