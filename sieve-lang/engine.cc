#include <algorithm>

#include "base/duration.h"
#include "base/strings.h"
#include "sieve-lang/compile_unit.h"
#include "sieve-lang/interpreter.h"
#include "sieve-lang/runtime.h"
#include "sieve-lang/sieve.h"

namespace sieve {
namespace {

// Pigeonhole size values: a number with an optional k/M/G (and optional B) suffix.
std::optional<uint64_t> ParseSize(std::string_view value) {
  std::string v = base::AsciiToLower(base::TrimWhitespace(value));
  if (!v.empty() && v.back() == 'b') v.pop_back();
  uint64_t mult = 1;
  if (!v.empty() && (v.back() == 'k' || v.back() == 'm' || v.back() == 'g')) {
    mult = v.back() == 'k' ? 1024 : v.back() == 'm' ? 1024 * 1024 : 1024ULL * 1024 * 1024;
    v.pop_back();
  }
  auto n = base::ParseUint64(base::TrimWhitespace(v));
  if (!n || *n > UINT64_MAX / mult) return std::nullopt;
  return *n * mult;
}

}  // namespace

base::Status ApplySetting(Options& options, std::string_view key, std::string_view value) {
  if (key == "sieve_extensions") {
    options.extensions = std::string(value);
    return base::Status::Ok();
  }
  if (key == "sieve_global_extensions") {
    options.global_extensions = std::string(value);
    return base::Status::Ok();
  }
  if (key == "sieve_plugins") {
    options.plugins = std::string(value);
    return base::Status::Ok();
  }
  if (key == "sieve_implicit_extensions") {
    options.implicit_extensions = std::string(value);
    return base::Status::Ok();
  }
  if (key == "sieve_max_cpu_time") {
    std::optional<std::chrono::milliseconds> time = base::ParseDuration(value);
    if (!time) {
      return base::Status::InvalidArgument("invalid value for setting sieve_max_cpu_time: '" +
                                           std::string(value) + "' (a time such as 30s)");
    }
    options.limits.max_cpu_time = *time;
    return base::Status::Ok();
  }
  size_t* target = nullptr;
  if (key == "sieve_max_script_size") target = &options.limits.max_script_size;
  if (key == "sieve_max_actions") target = &options.limits.max_actions;
  if (key == "sieve_max_redirects") target = &options.limits.max_redirects;
  if (key == "sieve_include_max_includes") target = &options.limits.max_includes;
  if (key == "sieve_include_max_nesting_depth") target = &options.limits.max_include_depth;
  if (key == "sieve_editheader_max_header_size") target = &options.limits.max_header_size;
  if (key == "sieve_notify_max_notifications") target = &options.limits.max_notifications;
  if (key == "sieve_variables_max_value_size" || key == "sieve_variables_max_variable_size") {
    target = &options.limits.max_variable_size;
  }
  if (target == nullptr) return base::Status::NotFound(std::string(key));
  auto n = ParseSize(value);
  if (!n) {
    return base::Status::InvalidArgument("invalid value for setting " + std::string(key) + ": '" +
                                         std::string(value) + "'");
  }
  *target = static_cast<size_t>(*n);
  return base::Status::Ok();
}

Engine::Engine(const Registry& registry, Options options)
    : registry_(registry), options_(std::move(options)) {
  enabled_ = options_.all_extensions ? ExtensionSet::All(registry_)
                                     : ExtensionSet::Defaults(registry_);
  config_warnings_ = enabled_.Apply(registry_, options_.extensions);
  // Both lists name extensions on top of sieve_extensions; a leading '+' is allowed too.
  auto names = [&](std::string_view spec, std::string_view setting) {
    std::vector<const Extension*> out;
    for (std::string_view word : base::SplitString(spec, ' ')) {
      word = base::TrimWhitespace(word);
      if (word.starts_with('+')) word.remove_prefix(1);
      if (word.empty()) continue;
      const Extension* ext = registry_.Find(word);
      if (ext == nullptr || ext->implicit) {
        config_warnings_.push_back("ignored unknown extension '" + std::string(word) + "' in " +
                                   std::string(setting));
        continue;
      }
      out.push_back(ext);
    }
    return out;
  };
  global_enabled_ = enabled_;
  for (const Extension* ext : names(options_.global_extensions, "sieve_global_extensions")) {
    global_enabled_.Add(ext);
  }
  implicit_ = names(options_.implicit_extensions, "sieve_implicit_extensions");
  RemoveUnloadedPlugins();
}

// An extension of a plugin sieve_plugins does not load is unknown to this engine, whatever
// the extension lists say (Pigeonhole registers it only when it loads the plugin).
void Engine::RemoveUnloadedPlugins() {
  std::vector<std::string_view> loaded;
  for (std::string_view word : base::SplitString(options_.plugins, ' ')) {
    word = base::TrimWhitespace(word);
    if (!word.empty()) loaded.push_back(word);
  }
  for (const Extension* ext : registry_.all()) {
    if (ext->plugin.empty() || std::ranges::find(loaded, ext->plugin) != loaded.end()) continue;
    for (const std::string* spec : {&options_.extensions, &options_.global_extensions,
                                    &options_.implicit_extensions}) {
      for (std::string_view word : base::SplitString(*spec, ' ')) {
        word = base::TrimWhitespace(word);
        if (word.starts_with('-')) continue;
        if (word.starts_with('+')) word.remove_prefix(1);
        if (word == ext->name) {
          config_warnings_.push_back("ignored extension '" + std::string(ext->name) +
                                     "': it needs sieve_plugins = " + std::string(ext->plugin));
        }
      }
    }
    enabled_.Remove(ext);
    global_enabled_.Remove(ext);
    std::erase(implicit_, ext);
  }
}

CompileOutput Engine::Compile(std::string_view source, std::string_view script_name,
                              const ScriptResolver* resolver, bool global_script) const {
  CompileOutput out;
  CompileUnit unit(registry_, global_script ? global_enabled_ : enabled_, implicit_,
                   options_.limits, resolver, &out.diagnostics);
  auto program = unit.CompileScript(source, script_name, 0);
  if (!program) {
    if (!program.error().empty()) {
      out.diagnostics.push_back({Diagnostic::Severity::kError, {}, program.error()});
    }
    return out;
  }
  program->SetIncluded(unit.TakeIncluded());
  if (program->bytes().size() > options_.limits.max_program_size) {
    out.diagnostics.push_back({Diagnostic::Severity::kError, {},
                               "compiled program is too large (" +
                                   std::to_string(program->bytes().size()) + " bytes)"});
    return out;
  }
  out.program = std::move(*program);
  return out;
}

base::Result<Program> Engine::Load(std::string_view bytes, bool global_script) const {
  // Implicit extensions are in a program's table like required ones; loading allows them.
  ExtensionSet allowed = global_script ? global_enabled_ : enabled_;
  for (const Extension* ext : implicit_) allowed.Add(ext);
  return Program::Load(bytes, registry_, allowed, options_.limits);
}

ExecOutcome Engine::Execute(const Program& program, const ExecInput& input) const {
  std::optional<Result> own_result;
  if (input.result == nullptr) own_result.emplace(options_.limits, options_.default_mailbox);
  Result& result = input.result ? *input.result : *own_result;
  Runtime runtime(*input.message, input.envelope, *input.host, result, options_.limits,
                  input.trace);
  runtime.set_unit(&program);
  ExecOutcome outcome;
  std::optional<RunError> error = Interpret(program, runtime);
  outcome.reported_errors = runtime.reported_errors();
  if (error) {
    outcome.error = Diagnostic{Diagnostic::Severity::kError, error->location, error->message};
    return outcome;  // RFC 5228 §2.10.6: on error, fall back to the implicit keep
  }
  outcome.actions = result.actions();
  outcome.implicit_keep = result.implicit_keep();
  if (outcome.implicit_keep) outcome.implicit_keep_flags = runtime.ImplicitKeepFlags();
  outcome.edited_message = runtime.edited_message();
  return outcome;
}

}  // namespace sieve
