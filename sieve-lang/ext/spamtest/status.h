// spamtest / virustest (RFC 5235): the normalized result computed from the header a spam or
// virus checker added, configured as Pigeonhole does with sieve_spamtest_* and
// sieve_virustest_* settings. Pure: settings come from the Host, header values from a lookup.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "sieve-lang/host.h"

namespace sieve::spamvirus {

enum class Check { kSpam, kVirus };

// Pigeonhole's decimal syntax for scores: at most this many digits before and after the
// radix point ("-1.6", "5,0"); longer values are refused (the message counts as not tested).
constexpr size_t kMaxDecimalDigits = 5;

// [+-]digits[(.|,)digits], at least one digit; nullopt when malformed.
std::optional<double> ParseDecimal(std::string_view text);

// The first (RFC 2047-decoded) value of header field `name`; nullopt when it is absent.
using HeaderLookup = std::function<std::optional<std::string>(std::string_view name)>;

struct Verdict {
  // The normalized result ("1".."10", "0".."100" with :percent, "1".."5" for virustest);
  // nullopt when the message was not tested or Sieve cannot tell (RFC 5235 §3.1).
  std::optional<std::string> value;
  std::string reason;  // why there is no value, for the trace
};

// Reads the settings of `check` from `host` and classifies the message. Any configuration
// error leaves the message "not tested", as Pigeonhole's unconfigured extension does.
Verdict Classify(Check check, bool percent, const Host& host, const HeaderLookup& headers);

}  // namespace sieve::spamvirus
