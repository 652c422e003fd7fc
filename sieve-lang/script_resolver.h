// Where `include` (RFC 6609) finds the scripts it names: the embedder's script storage, asked
// at compile time only. The compiled program carries every included script, so running or
// loading a program never asks again (Pigeonhole's binaries work the same way).
#pragma once

#include <expected>
#include <optional>
#include <string>
#include <string_view>

namespace sieve {

// RFC 6609 §3.2: :personal (the user's scripts, the default) or :global (the admin's).
enum class ScriptLocation : uint8_t { kPersonal = 0, kGlobal = 1 };

const char* ScriptLocationName(ScriptLocation location);  // "personal", "global"

class ScriptResolver {
 public:
  virtual ~ScriptResolver() = default;
  // The source of script `name` (already checked to be a valid script name, without any
  // ".sieve" suffix) at `location`: nullopt when no such script exists, an error message when
  // the storage fails (unreadable file, bad configuration).
  virtual std::expected<std::optional<std::string>, std::string> ReadScript(
      ScriptLocation location, std::string_view name) const = 0;
};

}  // namespace sieve
