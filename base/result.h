// Result<T>: a value or the Status saying why there is none (design.md §2.5).
#pragma once

#include <expected>

#include "base/status.h"

namespace base {

template <typename T>
using Result = std::expected<T, Status>;

// Shorthand for `return std::unexpected(status);`.
inline std::unexpected<Status> Err(Status status) { return std::unexpected(std::move(status)); }

}  // namespace base
