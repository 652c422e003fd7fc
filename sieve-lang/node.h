// The validated tree: each command or test resolved to its definition, with typed operands.
// Produced by the validator, consumed by the code generator.
#pragma once

#include <vector>

#include "sieve-lang/diagnostic.h"
#include "sieve-lang/value.h"

namespace sieve {

struct CommandDef;
struct Extension;

struct Node {
  const CommandDef* def = nullptr;
  const Extension* extension = nullptr;  // the extension that defines `def`
  SourceLocation location;
  Operands operands;
  std::vector<Node> tests;
  std::vector<Node> block;
  bool has_block = false;
};

}  // namespace sieve
