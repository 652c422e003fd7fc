#include "sieve-lang/codegen.h"

#include <algorithm>
#include <cassert>

#include "sieve-lang/operand_codec.h"

namespace sieve {

CodeGenerator::CodeGenerator(const std::vector<const Extension*>& extensions)
    : extensions_(extensions) {}

uint32_t CodeGenerator::ExtensionIndex(const Extension* ext) const {
  auto it = std::find(extensions_.begin(), extensions_.end(), ext);
  assert(it != extensions_.end() && "validator loaded every extension it resolved");
  return static_cast<uint32_t>(it - extensions_.begin());
}

// Nodes in a tree: an upper bound on instructions is twice this (a test and its jump).
static size_t CountNodes(const std::vector<Node>& nodes) {
  size_t n = nodes.size();
  for (const Node& node : nodes) n += CountNodes(node.tests) + CountNodes(node.block);
  return n;
}

void CodeGenerator::GenerateScript(std::vector<Node>& nodes) {
  // Instructions are large; growing the vector by doubling moved each one several times.
  code_.reserve(2 * CountNodes(nodes) + 1);
  GenerateBlock(nodes);
}

void CodeGenerator::GenerateBlock(std::vector<Node>& nodes) {
  std::vector<size_t> exits;
  std::vector<size_t>* saved_exits = chain_exits_;
  const Node* saved_next = next_;
  chain_exits_ = &exits;
  for (size_t i = 0; i < nodes.size(); ++i) {
    next_ = i + 1 < nodes.size() ? &nodes[i + 1] : nullptr;
    Generate(nodes[i]);
    bool chain_continues = next_ != nullptr &&
                           (next_->def->name == "elsif" || next_->def->name == "else");
    if (!chain_continues) {
      for (size_t jump : exits) PatchHere(jump);
      exits.clear();
    }
  }
  chain_exits_ = saved_exits;
  next_ = saved_next;
}

void CodeGenerator::Generate(Node& node) {
  if (node.def->generate != nullptr) {
    node.def->generate(*this, node);
  } else {
    EmitInvoke(node);
  }
}

Instruction& CodeGenerator::Begin(Op op, int line) {
  Instruction& in = code_.emplace_back();
  in.op = op;
  in.offset = static_cast<uint32_t>(out_.size());
  in.line = line;
  out_.U8(static_cast<uint8_t>(op));
  out_.Varint(static_cast<uint64_t>(line));
  return in;
}

void CodeGenerator::EmitInvoke(Node& node) {
  Instruction& in = Begin(Op::kInvoke, node.location.line);
  in.extension = ExtensionIndex(node.extension);
  const auto& commands = node.extension->commands;
  auto it = std::find(commands.begin(), commands.end(), node.def);
  assert(it != commands.end());
  in.local_code = static_cast<uint32_t>(it - commands.begin());
  in.def = node.def;
  out_.Varint(in.extension);
  out_.Varint(in.local_code);
  EncodeOperands(out_, node.operands);
  in.operands = std::move(node.operands);
  MarkExpansion(in, ExpandsVariables(extensions_));
}

void CodeGenerator::EmitSimple(Op op, int line) { Begin(op, line); }

size_t CodeGenerator::EmitJump(Op op, int line) {
  Begin(op, line);
  out_.U32(0);
  return code_.size() - 1;
}

void CodeGenerator::PatchHere(size_t jump) {
  Instruction& in = code_[jump];
  // The target field is the last four bytes of the jump instruction.
  size_t field = (jump + 1 < code_.size() ? code_[jump + 1].offset : out_.size()) - 4;
  out_.PatchU32(field, static_cast<uint32_t>(out_.size()));
  in.target = static_cast<uint32_t>(code_.size());
}

}  // namespace sieve
