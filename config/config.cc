// Lookups over the parsed tree, -o overrides and the plugin {} view.
#include "config/config.h"

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/strings.h"

namespace config {
namespace {

struct SectionKey {
  std::string_view type;
  std::string_view name;
};

// "a/b/c/key" -> sections (a,b) (c,"") and key "key": segments pair up as type/name and
// a single leftover is an unnamed section (design: plugin/x, protocol/lda/x).
struct SettingPath {
  std::vector<SectionKey> sections;
  std::string_view key;
};

std::optional<SettingPath> SplitPath(std::string_view path) {
  std::vector<std::string_view> parts = base::SplitString(path, '/');
  for (std::string_view part : parts) {
    if (part.empty()) return std::nullopt;
  }
  SettingPath out{.key = parts.back()};
  parts.pop_back();
  for (size_t i = 0; i < parts.size(); i += 2) {
    out.sections.push_back(
        SectionKey{parts[i], i + 1 < parts.size() ? parts[i + 1] : std::string_view()});
  }
  return out;
}

bool Matches(const Section& s, std::string_view type, std::string_view name) {
  return s.type == type && s.name == name;
}

// A bare Pigeonhole setting on a tool's command line means plugin/<key>.
bool IsPigeonholeKey(std::string_view key) { return key == "sieve" || key.starts_with("sieve_"); }

// The last matching child: appending there keeps an override last in file order even when
// conf.d repeats a section (several plugin {} blocks).
Section* LastSection(Section& parent, std::string_view type, std::string_view name) {
  for (auto it = parent.children.rbegin(); it != parent.children.rend(); ++it) {
    if (Matches(*it, type, name)) return &*it;
  }
  return nullptr;
}

void MergeSettings(const Section& section, std::map<std::string, std::string>& out) {
  for (const Setting& s : section.settings) out[s.key] = s.value;
}

}  // namespace

const Setting* Section::Find(std::string_view key) const {
  for (auto it = settings.rbegin(); it != settings.rend(); ++it) {
    if (it->key == key) return &*it;
  }
  return nullptr;
}

const Section* Section::FindSection(std::string_view type, std::string_view name) const {
  for (const Section& child : children) {
    if (Matches(child, type, name)) return &child;
  }
  return nullptr;
}

Section* Section::FindSection(std::string_view type, std::string_view name) {
  return const_cast<Section*>(std::as_const(*this).FindSection(type, name));
}

std::vector<const Section*> Section::FindSections(std::string_view type,
                                                  std::string_view name) const {
  std::vector<const Section*> out;
  for (const Section& child : children) {
    if (Matches(child, type, name)) out.push_back(&child);
  }
  return out;
}

const Setting* Config::Find(std::string_view path) const {
  std::optional<SettingPath> split = SplitPath(path);
  if (!split) return nullptr;
  std::vector<const Section*> scope = {&root};
  for (const SectionKey& step : split->sections) {
    std::vector<const Section*> next;
    for (const Section* s : scope) {
      for (const Section* child : s->FindSections(step.type, step.name)) next.push_back(child);
    }
    scope = std::move(next);
  }
  const Setting* found = nullptr;
  for (const Section* s : scope) {
    if (const Setting* setting = s->Find(split->key)) found = setting;
  }
  return found;
}

base::Status ApplyOverride(Config& config, std::string_view key_value) {
  size_t eq = key_value.find('=');
  if (eq == std::string_view::npos) {
    return base::Status::InvalidArgument("Expecting key=value in override '" +
                                         std::string(key_value) + "'");
  }
  std::string path(base::TrimWhitespace(key_value.substr(0, eq)));
  if (IsPigeonholeKey(path)) path = "plugin/" + path;
  std::optional<SettingPath> split = SplitPath(path);
  if (path.empty() || !split) {
    return base::Status::InvalidArgument("Invalid setting path in override '" +
                                         std::string(key_value) + "'");
  }
  Section* section = &config.root;
  for (const SectionKey& step : split->sections) {
    Section* child = LastSection(*section, step.type, step.name);
    if (child == nullptr) {
      section->children.push_back(Section{.type = std::string(step.type),
                                          .name = std::string(step.name),
                                          .file = "<command line>"});
      child = &section->children.back();
    }
    section = child;
  }
  // Appended last, so Find() and PluginSettings() see it over anything from the file.
  section->settings.push_back(Setting{.key = std::string(split->key),
                                      .value = std::string(key_value.substr(eq + 1)),
                                      .file = "<command line>"});
  return base::Status::Ok();
}

std::map<std::string, std::string> PluginSettings(const Config& config, std::string_view protocol) {
  std::map<std::string, std::string> out;
  for (const Section* plugin : config.root.FindSections("plugin")) MergeSettings(*plugin, out);
  if (protocol.empty()) return out;
  for (const Section* filter : config.root.FindSections("protocol", protocol)) {
    for (const Section* plugin : filter->FindSections("plugin")) MergeSettings(*plugin, out);
  }
  return out;
}

}  // namespace config
