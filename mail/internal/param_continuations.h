// RFC 2231 parameter value continuations and encodings: `title*0*=us-ascii'en'This%20is;
// title*1="more"` is one parameter `title`, decoded to UTF-8. Internal to mail/.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace mail::internal {

// Rewrites `params` (lowercased names, unquoted values, in order) so that every RFC 2231
// extended parameter (name*, name*N, name*N*) becomes one plain `name` entry at the place of
// its first section, with its sections joined in number order and %XX-encoded ones decoded
// from their charset to UTF-8. An extended value replaces a plain one of the same name, as
// RFC 2231 §4 lets a reader that understands both prefer the extended one.
void JoinExtendedParams(std::vector<std::pair<std::string, std::string>>& params);

}  // namespace mail::internal
