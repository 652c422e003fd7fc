// A compiled Sieve program: the serialized bytes (.svbin) and their decoded, ready-to-run
// instruction list. Serialize and Load round-trip; Load checks magic, version, length,
// checksum and every operand, and rejects damaged input with Corruption (never UB).
// Immutable after construction; safe to execute from several threads at once.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "sieve-lang/extension.h"
#include "sieve-lang/limits.h"
#include "sieve-lang/script_resolver.h"
#include "sieve-lang/value.h"

namespace sieve {

class ExtensionSet;
class Registry;

// Core operations; everything an extension does is kInvoke of (extension, local code).
enum class Op : uint8_t {
  kJump = 1,
  kJumpIfTrue = 2,
  kJumpIfFalse = 3,
  kNot = 4,
  kSetTrue = 5,
  kSetFalse = 6,
  kStop = 7,
  kInvoke = 8,
};

struct Instruction {
  Op op = Op::kStop;
  uint32_t offset = 0;  // byte offset in the code section (for dumps and jump checks)
  int line = 0;
  uint32_t target = 0;  // jumps: index of the target instruction
  uint32_t extension = 0;  // kInvoke: index into Program::extensions()
  uint32_t local_code = 0;
  const CommandDef* def = nullptr;
  Operands operands;
  // Some operand string holds "${" in a program whose extensions expand variables: the
  // interpreter expands a copy of the operands before each run of this instruction.
  bool expand = false;
};

inline constexpr char kProgramMagic[4] = {'R', 'S', 'V', 'B'};
inline constexpr uint16_t kProgramVersionMajor = 1;
inline constexpr uint16_t kProgramVersionMinor = 0;

class Program;

// A script that `include` (RFC 6609) pulls in, compiled into the including program's unit.
struct IncludedScript {
  ScriptLocation location = ScriptLocation::kPersonal;
  std::string name;
  std::shared_ptr<const Program> program;
};

class Program {
 public:
  // Decodes `bytes`; extensions are looked up in `registry` and must be in `enabled`.
  static base::Result<Program> Load(std::string_view bytes, const Registry& registry,
                                    const ExtensionSet& enabled, const Limits& limits);

  // A program the code generator has just built: `bytes` from AssembleProgram, whose last
  // `code_size` bytes are the code that `code` already holds decoded.
  static Program FromGenerated(std::string bytes, size_t code_size,
                               std::vector<const Extension*> extensions,
                               std::string script_name, std::vector<Instruction> code);

  const std::string& bytes() const { return bytes_; }
  const std::string& script_name() const { return script_name_; }
  const std::vector<const Extension*>& extensions() const { return extensions_; }
  const std::vector<Instruction>& code() const { return code_; }
  // Every script included directly or indirectly, each once: only the program compiled from
  // the top-level script has them. The include section follows the main program in bytes().
  const std::vector<IncludedScript>& included() const { return included_; }
  std::optional<size_t> FindIncluded(ScriptLocation location, std::string_view name) const;
  void SetIncluded(std::vector<IncludedScript> included);
  // Whether a loaded extension expands "${...}" in strings (variables).
  bool expands_variables() const { return expands_variables_; }
  // Listing with offsets, one instruction per line; with `hex`, each line also shows the
  // instruction's bytes.
  std::string Disassemble(bool hex = false) const;

 private:
  std::string bytes_;
  std::string script_name_;
  std::vector<const Extension*> extensions_;
  size_t code_start_ = 0;  // where the code section starts in bytes_
  std::vector<Instruction> code_;
  std::vector<IncludedScript> included_;
  size_t main_size_ = 0;  // bytes_ up to the include section
  bool expands_variables_ = false;
};

// Puts header, extension table and code together into program bytes.
std::string AssembleProgram(std::string_view script_name,
                            const std::vector<const Extension*>& extensions,
                            std::string_view code);
// Puts the header (magic, version, length, checksum) in front of a payload that is already
// laid out (extension table, script name, code).
std::string FrameProgram(std::string_view payload);

// Whether any of `extensions` makes strings expand variables.
bool ExpandsVariables(const std::vector<const Extension*>& extensions);
// Sets `in.expand` (see Instruction) for a program where `expansion` is on.
void MarkExpansion(Instruction& in, bool expansion);

// Resolves :comparator, match-type and address-part tags of `ops` against `loaded`
// extensions (defaults: i;ascii-casemap, :is, :all). Returns an error message on failure.
std::optional<std::string> ResolveMatchTags(const std::vector<const Extension*>& loaded,
                                            const Signature& signature, Operands& ops);

}  // namespace sieve
