#include "sievec/tool_options.h"

#include <cstdio>
#include <iostream>

#include "base/fs.h"
#include "config/config.h"
#include "sieve-lang/registry.h"

namespace tools {

bool ParseCommonOption(int argc, char** argv, int& i, CommonOptions& common,
                       std::string& error) {
  std::string_view arg = argv[i];
  auto value = [&]() -> std::optional<std::string> {
    if (i + 1 >= argc) {
      error = "option " + std::string(arg) + " needs a value";
      return std::nullopt;
    }
    return std::string(argv[++i]);
  };
  if (arg == "-D") {
    common.debug = true;
    return true;
  }
  if (arg != "-c" && arg != "-o" && arg != "-x") return false;
  std::optional<std::string> v = value();
  if (!v) return true;
  if (arg == "-c") common.config_file = *v;
  if (arg == "-o") common.overrides.push_back(*v);
  if (arg == "-x") common.extensions = *v;
  return true;
}

static std::optional<std::string> ApplyKeyValue(std::string_view key, std::string_view value,
                                                sieve::Options& options) {
  base::Status st = sieve::ApplySetting(options, key, value);
  if (st.ok() || st.code() == base::Status::Code::kNotFound) return std::nullopt;
  return st.message();
}

std::optional<std::string> BuildEngineOptions(const CommonOptions& common,
                                              sieve::Options& options,
                                              std::map<std::string, std::string>* settings) {
  options.all_extensions = true;
  if (!common.config_file.empty()) {
    auto cfg = config::ParseFile(common.config_file);
    if (!cfg) return cfg.error().message();
    for (const auto& [key, value] : config::PluginSettings(*cfg)) {
      if (auto err = ApplyKeyValue(key, value, options)) return err;
      if (settings) (*settings)[key] = value;
    }
  }
  for (const std::string& kv : common.overrides) {
    size_t eq = kv.find('=');
    if (eq == std::string::npos) return "-o expects key=value, got '" + kv + "'";
    std::string_view key = std::string_view(kv).substr(0, eq);
    if (key.starts_with("plugin/")) key.remove_prefix(7);
    if (auto err = ApplyKeyValue(key, std::string_view(kv).substr(eq + 1), options)) return err;
    if (settings) (*settings)[std::string(key)] = kv.substr(eq + 1);
  }
  if (common.extensions) {
    // -x is relative to what the tool enables (everything), like Pigeonhole's tools.
    options.extensions = options.extensions.empty()
                             ? *common.extensions
                             : options.extensions + " " + *common.extensions;
  }
  return std::nullopt;
}

std::string JsonEscape(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out;
}

void PrintDiagnostics(const std::string& script, const sieve::Diagnostics& diagnostics,
                      bool json) {
  for (const sieve::Diagnostic& d : diagnostics) {
    const char* severity = d.severity == sieve::Diagnostic::Severity::kError ? "error" : "warning";
    if (json) {
      std::cout << "{\"file\":\"" << JsonEscape(d.script.empty() ? script : d.script) << "\",\"line\":" << d.location.line
                << ",\"column\":" << d.location.column << ",\"severity\":\"" << severity
                << "\",\"message\":\"" << JsonEscape(d.message) << "\"}\n";
    } else if (d.location.line > 0) {
      std::cerr << (d.script.empty() ? script : d.script) << ": line " << d.location.line
                << ": " << severity << ": " << d.message << "\n";
    } else {
      std::cerr << script << ": " << severity << ": " << d.message << "\n";
    }
  }
}

std::optional<std::string> ReadInput(const char* tool, const std::string& path) {
  auto data = base::ReadFile(path);
  if (!data) {
    std::cerr << tool << ": " << data.error().message() << "\n";
    return std::nullopt;
  }
  return std::move(*data);
}

}  // namespace tools
