#include "sieve-lang/compile_unit.h"

#include "sieve-lang/codegen.h"
#include "sieve-lang/parser.h"
#include "sieve-lang/validator.h"

namespace sieve {

CompileUnit::CompileUnit(const Registry& registry, const ExtensionSet& enabled,
                         const std::vector<const Extension*>& implicit, const Limits& limits,
                         const ScriptResolver* resolver, Diagnostics* diagnostics)
    : registry_(registry), enabled_(enabled), implicit_(implicit), limits_(limits),
      resolver_(resolver), diagnostics_(diagnostics) {}

std::expected<Program, std::string> CompileUnit::CompileScript(std::string_view source,
                                                               std::string_view name,
                                                               size_t depth) {
  if (limits_.max_script_size != 0 && source.size() > limits_.max_script_size) {
    diagnostics_->push_back({Diagnostic::Severity::kError, {},
                             "script is too large (" + std::to_string(source.size()) +
                                 " bytes; sieve_max_script_size is " +
                                 std::to_string(limits_.max_script_size) + ")"});
    return std::unexpected(std::string());
  }
  ParseOutput parsed = Parse(source, limits_);
  diagnostics_->insert(diagnostics_->end(), std::make_move_iterator(parsed.diagnostics.begin()),
                       std::make_move_iterator(parsed.diagnostics.end()));
  if (!parsed.ok) return std::unexpected(std::string("parse failed"));
  ValidationContext validator(registry_, enabled_, limits_, diagnostics_);
  validator.AttachUnit(this, depth);
  for (const Extension* ext : implicit_) validator.LoadImplicitly(ext);
  std::vector<Node> nodes = validator.ValidateScript(parsed.script);
  if (validator.error_count() > 0) return std::unexpected(std::string("validation failed"));
  CodeGenerator gen(validator.loaded());
  gen.GenerateScript(nodes);
  std::string code = gen.TakeCode();
  size_t code_size = code.size();
  std::string bytes = AssembleProgram(name, validator.loaded(), code);
  if (bytes.size() > limits_.max_program_size) {
    diagnostics_->push_back({Diagnostic::Severity::kError, {},
                             "compiled program is too large (" + std::to_string(bytes.size()) +
                                 " bytes)"});
    return std::unexpected(std::string());
  }
  return Program::FromGenerated(std::move(bytes), code_size, validator.loaded(),
                                std::string(name), gen.TakeInstructions());
}

std::optional<std::string> CompileUnit::Include(ScriptLocation location, std::string_view name,
                                                bool once, bool optional, size_t depth) {
  const std::string what =
      std::string(ScriptLocationName(location)) + " script '" + std::string(name) + "'";
  for (const Entry& entry : entries_) {
    if (entry.location != location || entry.name != name) continue;
    // A script may include itself (directly or not) only with :once, which makes the inner
    // include do nothing at run time (RFC 6609 §3.2).
    if (entry.active && !once) return "circular include of " + what;
    if (!entry.active && !entry.program) return "failed to compile included " + what;
    return std::nullopt;
  }
  if (depth + 1 > limits_.max_include_depth) {
    return "cannot include " + what + ": includes nest deeper than " +
           std::to_string(limits_.max_include_depth) + " levels (sieve_include_max_nesting_depth)";
  }
  if (entries_.size() >= limits_.max_includes) {
    return "cannot include " + what + ": more than " + std::to_string(limits_.max_includes) +
           " scripts included (sieve_include_max_includes)";
  }
  if (resolver_ == nullptr) {
    return "cannot include " + what + ": no script storage is configured for this compile";
  }
  auto source = resolver_->ReadScript(location, name);
  if (!source) return "cannot include " + what + ": " + source.error();
  if (!*source) {
    if (optional) return std::nullopt;
    return "included " + what + " does not exist";
  }
  size_t index = entries_.size();
  entries_.push_back({location, std::string(name), nullptr, true});
  size_t first_diagnostic = diagnostics_->size();
  auto program = CompileScript(**source, name, depth + 1);
  for (size_t i = first_diagnostic; i < diagnostics_->size(); ++i) {
    if ((*diagnostics_)[i].script.empty()) (*diagnostics_)[i].script = std::string(name);
  }
  entries_[index].active = false;
  if (!program) return "failed to compile included " + what;
  entries_[index].program = std::make_shared<const Program>(std::move(*program));
  return std::nullopt;
}

std::vector<IncludedScript> CompileUnit::TakeIncluded() {
  std::vector<IncludedScript> out;
  for (Entry& entry : entries_) {
    if (entry.program) out.push_back({entry.location, entry.name, std::move(entry.program)});
  }
  return out;
}

}  // namespace sieve
