// Dump: the effective configuration in doveconf's shape (sorted keys, same-named sections
// merged, filters last), with all defaults (`doveconf`) or only the changes (`doveconf -n`).
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "config/internal/registry.h"
#include "config/settings.h"

namespace config {
namespace {

using internal::SectionKind;
using internal::SettingDef;

// A section after merging the blocks that Dovecot treats as one: `service lmtp {}` in two
// files is one service, every `plugin {}` is the same plugin block. Unnamed passdb and
// userdb blocks stay apart: each is another database in the chain.
struct Merged {
  std::string type;
  std::string name;
  std::vector<const Setting*> settings;  // the effective line per key, first-seen order
  std::vector<Merged> children;
};

bool MergesWithSameName(const Section& s) {
  return !s.name.empty() || s.type == "plugin" || s.type == "dict";
}

void MergeInto(Merged& into, const Section& from) {
  for (const Setting& s : from.settings) {
    auto same = std::find_if(into.settings.begin(), into.settings.end(),
                             [&](const Setting* old) { return old->key == s.key; });
    if (same != into.settings.end()) {
      *same = &s;  // a later line wins, as in Dovecot
    } else {
      into.settings.push_back(&s);
    }
  }
  for (const Section& child : from.children) {
    auto same = std::find_if(into.children.begin(), into.children.end(), [&](const Merged& m) {
      return MergesWithSameName(child) && m.type == child.type && m.name == child.name;
    });
    if (same == into.children.end()) {
      same = into.children.insert(into.children.end(), Merged{child.type, child.name, {}, {}});
    }
    MergeInto(*same, child);
  }
}

std::string Quoted(const std::string& value) {
  // doveconf quotes values with leading/trailing spaces so they survive re-reading.
  bool needs = !value.empty() && (value.front() == ' ' || value.back() == ' ');
  return needs ? "\"" + value + "\"" : value;
}

std::string Shown(const Setting& s) {
  if (s.value_file.empty()) return Quoted(s.value);
  return "<" + std::filesystem::path(s.value_file).lexically_normal().string();
}

// doveconf hides secrets unless given -P: passwords, private keys, nonces (doveconf.c).
bool IsSecret(std::string_view key) {
  return key.ends_with("_password") || key.ends_with("_key") || key.ends_with("_nonce") ||
         key == "ssl_dh";
}

// doveconf quotes section names that would not survive re-reading as one word.
std::string SectionName(const std::string& name) {
  if (name.empty()) return name;
  bool plain = name.find_first_of(" \t\"{}") == std::string::npos;
  return " " + (plain ? name : "\"" + name + "\"");
}

// doveconf -n shows these namespace settings even when the block leaves them at their
// default, so that a namespace's place in the hierarchy is always visible.
constexpr std::string_view kNamespaceAlwaysShown[] = {"location", "prefix"};

bool IsSetIn(const Merged& section, std::string_view key) {
  return std::any_of(section.settings.begin(), section.settings.end(),
                     [&](const Setting* s) { return s->key == key; });
}

struct Entry {
  std::string key;   // setting name, or section type: doveconf sorts both together
  std::string name;  // section name: same-typed sections sort by it (mailbox Drafts, Junk)
  std::string text;
};

class Dumper {
 public:
  Dumper(DumpScope scope, bool show_secrets) : scope_(scope), show_secrets_(show_secrets) {}

  // The lines inside `section` at `depth` (its own header and brace are the caller's).
  std::string Body(const Merged& section, SectionKind kind, int depth) const {
    const std::string indent(static_cast<size_t>(depth) * 2, ' ');
    std::vector<Entry> entries = SettingEntries(section, kind, indent);
    std::string filters;
    for (const Merged& child : section.children) {
      SectionKind child_kind = internal::KindOf(child.type);
      std::string inner = Body(child, child_kind, depth + 1);
      if (inner.empty()) continue;  // doveconf leaves out sections that set nothing
      std::string block =
          indent + child.type + SectionName(child.name) + " {\n" + inner + indent + "}\n";
      if (child_kind == internal::kFilter) {
        filters += block;  // doveconf prints filters after everything else, in file order
      } else {
        entries.push_back({child.type, child.name, std::move(block)});
      }
    }
    // Stable: unnamed passdb and userdb blocks keep their order, which is their meaning.
    std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
      return a.key != b.key ? a.key < b.key : a.name < b.name;
    });
    std::string out;
    for (const Entry& e : entries) out += e.text;
    return out + filters;
  }

 private:
  std::vector<Entry> SettingEntries(const Merged& section, SectionKind kind,
                                    const std::string& indent) const {
    std::vector<Entry> entries;
    auto add = [&](std::string_view key, const std::string& shown) {
      bool hide = !show_secrets_ && !shown.empty() && IsSecret(key);
      entries.push_back({std::string(key),
                         {},
                         indent + std::string(key) + " = " +
                             (hide ? "# hidden, use -P to show it" : shown) + "\n"});
    };
    for (const Setting* s : section.settings) {
      const SettingDef* def = internal::FindSetting(kind, s->key);
      // Only top-level settings are compared with their defaults: inside a section doveconf
      // -n shows what the block says, defaults included (`auto = no` in a mailbox).
      bool is_default = def != nullptr && kind == internal::kRoot && s->value_file.empty() &&
                        internal::SameValue(*def, s->value, def->default_value);
      if (scope_ == DumpScope::kAll || !is_default) add(s->key, Shown(*s));
    }
    if (scope_ == DumpScope::kAll && kind != internal::kFilter) {
      for (const SettingDef& def : internal::AllSettings()) {
        if ((def.sections & kind) == 0 || kind == internal::kPlugin) continue;
        if (!IsSetIn(section, def.name)) add(def.name, Quoted(std::string(def.default_value)));
      }
    } else if (kind == internal::kNamespace) {
      for (std::string_view key : kNamespaceAlwaysShown) {
        if (!IsSetIn(section, key)) add(key, "");
      }
    }
    return entries;
  }

  DumpScope scope_;
  bool show_secrets_;
};

}  // namespace

std::string Dump(const Settings& settings, DumpScope scope, bool show_secrets) {
  Merged root;
  MergeInto(root, settings.config().root);
  return Dumper(scope, show_secrets).Body(root, internal::kRoot, 0);
}

}  // namespace config
