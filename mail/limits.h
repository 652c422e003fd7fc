// Every input-driven quantity the mail library bounds (house rule 5), in one place.
#pragma once

#include <cstddef>

namespace mail {

// MIME nesting (multipart and message/rfc822 levels below the root). A part at this depth is
// treated as a leaf: its body is not split further, so a crafted message cannot recurse deeply.
inline constexpr int kMaxMimeDepth = 32;

// Children kept per multipart; body parts past this many are ignored so a body made of
// millions of tiny parts cannot allocate a part object for each.
inline constexpr size_t kMaxMimeChildren = 10000;

}  // namespace mail
