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

void CodeGenerator::GenerateBlock(const std::vector<Node>& nodes) {
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

void CodeGenerator::Generate(const Node& node) {
  if (node.def->generate != nullptr) {
    node.def->generate(*this, node);
  } else {
    EmitInvoke(node);
  }
}

void CodeGenerator::EmitInvoke(const Node& node) {
  out_.U8(static_cast<uint8_t>(Op::kInvoke));
  out_.Varint(static_cast<uint64_t>(node.location.line));
  out_.Varint(ExtensionIndex(node.extension));
  const auto& commands = node.extension->commands;
  auto it = std::find(commands.begin(), commands.end(), node.def);
  assert(it != commands.end());
  out_.Varint(static_cast<uint64_t>(it - commands.begin()));
  EncodeOperands(out_, node.operands);
}

void CodeGenerator::EmitSimple(Op op, int line) {
  out_.U8(static_cast<uint8_t>(op));
  out_.Varint(static_cast<uint64_t>(line));
}

size_t CodeGenerator::EmitJump(Op op, int line) {
  EmitSimple(op, line);
  size_t at = out_.size();
  out_.U32(0);
  return at;
}

void CodeGenerator::PatchHere(size_t jump) {
  out_.PatchU32(jump, static_cast<uint32_t>(out_.size()));
}

}  // namespace sieve
