// IMAP flag lists as imap4flags keeps them (RFC 5232 §3): space-separated names, compared
// case-insensitively, each at most once, in the order first added.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sieve::ext {

// Splits every string at whitespace and drops empty names and repeats.
std::vector<std::string> ParseFlags(const std::vector<std::string>& strings);
std::string JoinFlags(const std::vector<std::string>& flags);
void AddFlags(std::vector<std::string>& to, const std::vector<std::string>& more);
void RemoveFlags(std::vector<std::string>& from, const std::vector<std::string>& gone);

}  // namespace sieve::ext
