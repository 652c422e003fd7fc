#include "sieve-lang/registry.h"

#include <algorithm>

#include "base/strings.h"

namespace sieve {
namespace {

// Pigeonhole's default sieve_extensions (pigeonhole-reference.md §a).
constexpr std::string_view kPigeonholeDefaults[] = {
    "fileinto", "reject", "envelope", "encoded-character", "vacation", "subaddress",
    "comparator-i;ascii-numeric", "relational", "regex", "imap4flags", "copy", "include",
    "body", "variables", "enotify", "environment", "mailbox", "date", "index", "ihave",
    "duplicate", "mime", "foreverypart", "extracttext",
    // Requireable names of always-present comparators.
    "comparator-i;octet", "comparator-i;ascii-casemap", "comparator-i;unicode-casemap",
};

}  // namespace

Registry::Registry(std::vector<const Extension*> extensions) : all_(std::move(extensions)) {}

const Extension* Registry::Find(std::string_view name) const {
  for (const Extension* ext : all_) {
    if (ext->name == name) return ext;
  }
  return nullptr;
}

ExtensionSet ExtensionSet::All(const Registry& registry) {
  ExtensionSet set;
  set.enabled_ = registry.all();
  return set;
}

ExtensionSet ExtensionSet::Defaults(const Registry& registry) {
  ExtensionSet set;
  for (const Extension* ext : registry.all()) {
    bool is_default = ext->implicit || std::find(std::begin(kPigeonholeDefaults),
                                                 std::end(kPigeonholeDefaults),
                                                 ext->name) != std::end(kPigeonholeDefaults);
    if (is_default) set.enabled_.push_back(ext);
  }
  return set;
}

std::vector<std::string> ExtensionSet::Apply(const Registry& registry, std::string_view spec) {
  std::vector<std::string> warnings;
  bool replaced = false;
  for (std::string_view word : base::SplitString(spec, ' ')) {
    word = base::TrimWhitespace(word);
    if (word.empty()) continue;
    char op = word.front();
    std::string_view name = (op == '+' || op == '-') ? word.substr(1) : word;
    const Extension* ext = registry.Find(name);
    if (ext == nullptr || ext->implicit) {
      warnings.push_back("ignored unknown extension '" + std::string(name) +
                         "' while configuring available extensions");
      continue;
    }
    if (op == '-') {
      Remove(ext);
      continue;
    }
    if (op != '+' && !replaced) {
      // A plain name starts a new set: only the core language survives (Pigeonhole).
      std::erase_if(enabled_, [](const Extension* e) { return !e->implicit; });
      replaced = true;
    }
    Add(ext);
  }
  return warnings;
}

bool ExtensionSet::Contains(const Extension* ext) const {
  return std::find(enabled_.begin(), enabled_.end(), ext) != enabled_.end();
}

void ExtensionSet::Add(const Extension* ext) {
  if (!Contains(ext)) enabled_.push_back(ext);
}

void ExtensionSet::Remove(const Extension* ext) { std::erase(enabled_, ext); }

std::string ExtensionSet::CapabilityString(const Registry& registry) const {
  std::string out;
  for (const Extension* ext : registry.all()) {
    if (ext->implicit || !Contains(ext)) continue;
    if (!out.empty()) out += ' ';
    out += ext->name;
  }
  return out;
}

}  // namespace sieve
