// Where the testsuite's include finds scripts, as Pigeonhole's runner sets it up: personal
// scripts in "included/" and global ones in "included-global/" beside the test file. A test may
// move either location to a Dovecot file dict through the settings
// `sieve_script/<storage>/sieve_script_type|driver|dict/...` (extensions/include tests do).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "sieve-lang/script_resolver.h"

namespace testsuite {

class ScriptStore : public sieve::ScriptResolver {
 public:
  using SettingLookup = std::function<std::optional<std::string>(std::string_view)>;
  // `test_dir`: the directory of the .svtest file; `setting` answers configuration keys.
  ScriptStore(std::string test_dir, SettingLookup setting);

  std::expected<std::optional<std::string>, std::string> ReadScript(
      sieve::ScriptLocation location, std::string_view name) const override;

 private:
  // The dict file configured for `location`, if a storage of that type uses the dict driver.
  std::optional<std::string> DictPath(sieve::ScriptLocation location) const;

  std::string test_dir_;
  SettingLookup setting_;
};

}  // namespace testsuite
