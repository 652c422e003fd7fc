// Semantic checks of a parsed script (RFC 5228 §2.6-§3, §8.2): require handling, name lookup
// through the registry, signature checks with uniform located messages, then per-command
// hooks. Reports every error it finds (up to Limits::max_compile_errors).
#pragma once

#include <any>
#include <deque>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "sieve-lang/ast.h"
#include "sieve-lang/diagnostic.h"
#include "sieve-lang/extension.h"
#include "sieve-lang/limits.h"
#include "sieve-lang/node.h"
#include "sieve-lang/registry.h"

namespace sieve {

class CompileUnit;

class ValidationContext {
 public:
  ValidationContext(const Registry& registry, const ExtensionSet& enabled, const Limits& limits,
                    Diagnostics* diagnostics);
  ValidationContext(const ValidationContext&) = delete;
  ValidationContext& operator=(const ValidationContext&) = delete;

  // Validates the whole script; nodes are complete only when error_count() == 0.
  std::vector<Node> ValidateScript(const Script& script);

  void Error(SourceLocation location, std::string message);
  void Warning(SourceLocation location, std::string message);
  size_t error_count() const { return errors_; }

  // Loads an extension for this script (the `require` command). False if unknown/disabled.
  bool Require(std::string_view capability, SourceLocation location);
  bool IsLoaded(std::string_view capability) const;
  // Loads `ext` as if required (sieve_implicit_extensions), before validating.
  void LoadImplicitly(const Extension* ext);
  // Whether this build has `capability` enabled (ihave).
  bool IsAvailable(std::string_view capability) const;
  // Extensions the script uses, core first, in load order (the program's extension table).
  const std::vector<const Extension*>& loaded() const { return loaded_; }
  const Limits& limits() const { return limits_; }
  // The command validated just before the current one in the same block, if any.
  const Node* previous() const { return previous_; }
  // Per-script state an extension keeps while validating (variables counts the names a
  // script sets), keyed by something of the extension's own.
  template <typename T>
  T& Scratch(const void* key) {
    std::any& slot = scratch_[key];
    if (!slot.has_value()) slot = T{};
    return std::any_cast<T&>(slot);
  }
  // The compile this script is part of, and its include depth (0: the top-level script);
  // include reaches the scripts it names through it. Null when compiling stand-alone.
  void AttachUnit(CompileUnit* unit, size_t depth) {
    unit_ = unit;
    include_depth_ = depth;
  }
  CompileUnit* unit() const { return unit_; }
  size_t include_depth() const { return include_depth_; }

  // The commands whose blocks enclose the command being validated, outermost first
  // (foreverypart's break finds its loop here).
  const std::vector<const Node*>& enclosing() const { return enclosing_; }

  // Whether the command being validated stands at the top level of the script.
  bool at_top_level() const { return top_level_; }

 private:
  std::vector<Node> ValidateBlock(const std::vector<Command>& commands, bool top_level);
  bool ValidateCommand(const Command& command, bool top_level, Node& node);
  bool ValidateTest(const Test& test, Node& node);
  bool ValidateSubtests(const std::vector<Test>& tests, bool test_list, SourceLocation location,
                        const CommandDef& def, Node& node);
  const CommandDef* Lookup(std::string_view name, CommandKind kind, SourceLocation location,
                           const Extension** owner);
  bool BindArguments(const std::vector<Argument>& args, Node& node);
  bool ValidateExternalTags(Node& node);
  bool BindTag(const std::vector<Argument>& args, size_t& i, Node& node);
  std::optional<TagSpec> FindTagSpec(const CommandDef& def, std::string_view tag) const;
  static bool Fits(const Argument& arg, ArgType want);
  // Copies the argument into `out`, applying string transforms; false (reported) on error.
  bool MakeValue(const Argument& arg, ArgType want, Value& out);
  bool TransformStrings(Value& value, SourceLocation location);
  std::string Describe(const CommandDef& def) const;  // "the fileinto command"

  const Registry& registry_;
  const ExtensionSet& enabled_;
  const Limits& limits_;
  Diagnostics* diagnostics_;
  std::vector<const Extension*> loaded_;
  std::vector<std::pair<const Extension*, SourceLocation>> required_at_;  // in require order
  std::set<std::string> reported_unknown_;
  const Node* previous_ = nullptr;
  std::deque<Node> failed_;  // stable storage for failed commands that previous_ may name
  bool require_allowed_ = true;
  bool top_level_ = true;
  std::map<const void*, std::any> scratch_;
  size_t errors_ = 0;
  std::vector<const Node*> enclosing_;
  CompileUnit* unit_ = nullptr;
  size_t include_depth_ = 0;
};

}  // namespace sieve
