// Test support: a ScriptResolver over scripts held in memory (include tests).
#pragma once

#include <map>
#include <string>
#include <utility>

#include "sieve-lang/script_resolver.h"

namespace sieve::testing {

class FakeScripts : public ScriptResolver {
 public:
  void Add(ScriptLocation location, std::string name, std::string source) {
    scripts_[{location, std::move(name)}] = std::move(source);
  }
  // Makes every read fail, as a broken storage would.
  void set_broken(bool broken) { broken_ = broken; }

  std::expected<std::optional<std::string>, std::string> ReadScript(
      ScriptLocation location, std::string_view name) const override {
    if (broken_) return std::unexpected(std::string("storage unavailable"));
    auto it = scripts_.find({location, std::string(name)});
    if (it == scripts_.end()) return std::optional<std::string>();
    return std::optional<std::string>(it->second);
  }

 private:
  std::map<std::pair<ScriptLocation, std::string>, std::string> scripts_;
  bool broken_ = false;
};

}  // namespace sieve::testing
