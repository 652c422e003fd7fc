// Validated tree -> program code (design.md §2.3). Control structures generate jumps through
// their CommandDef::generate hook; everything else becomes one kInvoke instruction. The bytes
// and the decoded instruction list are built together, so a fresh compile needs no decoding;
// operands are moved out of the tree, which is spent afterwards.
#pragma once

#include <string>
#include <vector>

#include "sieve-lang/bytecode.h"
#include "sieve-lang/node.h"
#include "sieve-lang/program.h"

namespace sieve {

class CodeGenerator {
 public:
  // `extensions` is the program's extension table (the validator's load order).
  explicit CodeGenerator(const std::vector<const Extension*>& extensions);
  CodeGenerator(const CodeGenerator&) = delete;
  CodeGenerator& operator=(const CodeGenerator&) = delete;

  // Generates a whole block (a script or a command's block) and returns nothing; the code is
  // taken with TakeCode().
  void GenerateBlock(std::vector<Node>& nodes);
  // GenerateBlock for the top level of a script.
  void GenerateScript(std::vector<Node>& nodes);
  void Generate(Node& node);
  void EmitInvoke(Node& node);
  void EmitSimple(Op op, int line);
  // Emits a jump with an unresolved target; returns the handle to patch (its instruction).
  size_t EmitJump(Op op, int line);
  // Points a jump emitted earlier at the current end of code.
  void PatchHere(size_t jump);
  // The command after the one being generated in the current block (if/elsif chains).
  const Node* next_sibling() const { return next_; }
  // Jumps that must land after the current if/elsif/else chain.
  void AddChainExit(size_t jump) { chain_exits_->push_back(jump); }
  std::string TakeCode() { return std::move(out_.bytes()); }
  // Instructions with jump targets as instruction indexes, as Program::Load makes them.
  std::vector<Instruction> TakeInstructions() { return std::move(code_); }

 private:
  uint32_t ExtensionIndex(const Extension* ext) const;

  const std::vector<const Extension*>& extensions_;
  // Starts an instruction at the current byte offset and returns it.
  Instruction& Begin(Op op, int line);

  ByteWriter out_;
  std::vector<Instruction> code_;
  const Node* next_ = nullptr;
  std::vector<size_t>* chain_exits_ = nullptr;
};

}  // namespace sieve
