// Known Dovecot settings whose value Roost cannot honour (an mbox mail_location, a PAM
// passdb): refused at load time rather than half-working at run time.
#pragma once

#include <string_view>

#include "base/status.h"
#include "config/internal/registry.h"

namespace config::internal {

// Ok, or InvalidArgument("<what> '<value>' is not supported by Roost (supported: ...)")
// without a location, when `key = value` in a section of kind `kind` names something
// outside Roost's supported set. Settings Roost has no opinion on are Ok.
base::Status CheckSupported(SectionKind kind, std::string_view key, std::string_view value);

}  // namespace config::internal
