// Date parts of RFC 5260 §4.2 ("year", "julian", "iso8601", ...) for an instant seen in a
// given zone.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sieve::ext {

bool IsDatePart(std::string_view part);  // case-insensitive
// The part's text for `epoch_seconds` in the zone `zone_minutes` east of UTC.
std::string DatePart(std::string_view part, int64_t epoch_seconds, int zone_minutes);
// "+0100" / "-0830" -> minutes east of UTC; nullopt when malformed (RFC 5260 §4.1).
std::optional<int> ParseZone(std::string_view zone);
// The host's local offset at that instant (the default zone of the date tests).
int LocalZoneMinutes(int64_t epoch_seconds);

}  // namespace sieve::ext
