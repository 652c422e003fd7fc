// The extensions an engine knows, and which of them scripts may use. Built once from the
// explicit list in ext/builtin.cc (house rule 4) and passed in; never global. Immutable after
// construction, so shareable across threads.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sieve-lang/extension.h"

namespace sieve {

class Registry {
 public:
  // `extensions` must have static storage duration. The first entry is the core language.
  explicit Registry(std::vector<const Extension*> extensions);

  // Every registered extension, core first.
  const std::vector<const Extension*>& all() const { return all_; }
  const Extension* Find(std::string_view name) const;
  const Extension& core() const { return *all_.front(); }

 private:
  std::vector<const Extension*> all_;
};

// Which extensions are enabled, as Pigeonhole's `sieve_extensions` setting describes it: a
// plain list replaces the set, "+name"/"-name" adjust it. Unknown names are returned as
// warnings (Pigeonhole logs them and goes on).
class ExtensionSet {
 public:
  ExtensionSet() = default;
  static ExtensionSet All(const Registry& registry);
  // Pigeonhole's default `sieve_extensions`, restricted to what this build registers.
  static ExtensionSet Defaults(const Registry& registry);

  // Applies a spec; returns one warning per unknown name.
  std::vector<std::string> Apply(const Registry& registry, std::string_view spec);
  bool Contains(const Extension* ext) const;
  void Add(const Extension* ext);
  void Remove(const Extension* ext);
  // The SIEVE capability string: enabled, requireable extension names, space separated.
  std::string CapabilityString(const Registry& registry) const;

 private:
  std::vector<const Extension*> enabled_;
};

// The canonical registry of this build (ext/builtin.cc).
const Registry& BuiltinRegistry();

}  // namespace sieve
