// foreverypart (RFC 5703 §3): `foreverypart [:name <name>] <block>` runs its block once per
// MIME part (the whole message first, then every part below it in order; nested inside
// another loop, the parts below that loop's current part), and `break [:name <name>]` leaves
// the innermost or the named loop. The block ends in a hidden instruction that moves to the
// next part; the loops live in the Runtime so that an included script's loop continues below
// the including script's current part. Status: complete.
#include "sieve-lang/codegen.h"
#include "sieve-lang/ext/builtin.h"
#include "sieve-lang/ext/mime/foreverypart.h"
#include "sieve-lang/runtime.h"
#include "sieve-lang/validator.h"

namespace sieve {
namespace {

// Pigeonhole's limit on loops nested in one script.
constexpr size_t kMaxLoopNesting = 4;

const CommandDef& LoopEnd();
const CommandDef& ForeverypartCommand();

void AppendBelow(const mail::MimePart& part, std::vector<const mail::MimePart*>& out) {
  for (const auto& child : part.children()) {
    out.push_back(child.get());
    AppendBelow(*child, out);
  }
}

// Index of the loop end `levels` loops out from the instruction at `from` (0: the innermost
// loop around it), in the current script.
std::optional<size_t> FindLoopEnd(const Runtime& rt, size_t from, size_t levels) {
  const std::vector<Instruction>& code = rt.program()->code();
  size_t depth = 0;
  for (size_t i = from + 1; i < code.size(); ++i) {
    if (code[i].def == &ForeverypartCommand()) {
      ++depth;
    } else if (code[i].def == &LoopEnd()) {
      if (depth > 0) {
        --depth;
      } else if (levels == 0) {
        return i;
      } else {
        --levels;
      }
    }
  }
  return std::nullopt;
}

ExecStatus Begin(Runtime& rt, const Operands& ops) {
  auto& loops = rt.part_loops();
  // The compile-time check sees one script; loops continued through include are counted here.
  if (loops.size() >= kMaxLoopNesting) {
    return std::unexpected(ExecError{"foreverypart loops nest deeper than " +
                                     std::to_string(kMaxLoopNesting) +
                                     " levels (counting those of including scripts)"});
  }
  Runtime::PartLoop loop;
  if (loops.empty()) {
    loop.parts.push_back(&rt.message().mime_root());
    AppendBelow(rt.message().mime_root(), loop.parts);
  } else {
    AppendBelow(rt.current_part(), loop.parts);
  }
  if (loop.parts.empty()) {
    std::optional<size_t> end = FindLoopEnd(rt, rt.position(), 0);
    if (!end) return std::unexpected(ExecError{"foreverypart without its loop end"});
    rt.RequestJump(*end + 1);
    return {};
  }
  loop.body_start = rt.position() + 1;
  if (const TagValue* name = ops.FindTag("name")) loop.name = name->value->str();
  loops.push_back(std::move(loop));
  return {};
}

ExecStatus Next(Runtime& rt, const Operands&) {
  auto& loops = rt.part_loops();
  if (loops.empty()) return std::unexpected(ExecError{"loop end outside foreverypart"});
  Runtime::PartLoop& loop = loops.back();
  if (++loop.index < loop.parts.size()) {
    rt.RequestJump(loop.body_start);
  } else {
    loops.pop_back();
  }
  return {};
}

ExecStatus Break(Runtime& rt, const Operands& ops) {
  auto& loops = rt.part_loops();
  const TagValue* name = ops.FindTag("name");
  size_t target = loops.size();
  for (size_t i = loops.size(); i-- > 0;) {
    if (name == nullptr || loops[i].name == name->value->str()) {
      target = i;
      break;
    }
  }
  if (target == loops.size()) return std::unexpected(ExecError{"break outside foreverypart"});
  std::optional<size_t> end = FindLoopEnd(rt, rt.position(), loops.size() - 1 - target);
  if (!end) return std::unexpected(ExecError{"break without its loop end"});
  loops.resize(target);
  rt.RequestJump(*end + 1);
  return {};
}

void Generate(CodeGenerator& gen, Node& node) {
  gen.EmitInvoke(node);
  gen.GenerateBlock(node.block);
  Node end;
  end.def = &LoopEnd();
  end.extension = node.extension;
  end.location = node.location;
  gen.EmitInvoke(end);
}

size_t EnclosingLoops(const ValidationContext& ctx) {
  size_t n = 0;
  for (const Node* node : ctx.enclosing()) n += node->def == &ForeverypartCommand();
  return n;
}

bool ValidateLoop(ValidationContext& ctx, Node& node) {
  if (EnclosingLoops(ctx) >= kMaxLoopNesting) {
    ctx.Error(node.location, "foreverypart loops nest deeper than " +
                                 std::to_string(kMaxLoopNesting) + " levels");
    return false;
  }
  return true;
}

bool ValidateBreak(ValidationContext& ctx, Node& node) {
  const TagValue* name = node.operands.FindTag("name");
  for (const Node* loop : ctx.enclosing()) {
    if (loop->def != &ForeverypartCommand()) continue;
    if (name == nullptr) return true;
    const TagValue* loop_name = loop->operands.FindTag("name");
    if (loop_name != nullptr && loop_name->value->str() == name->value->str()) return true;
  }
  ctx.Error(node.location,
            name ? "break :name \"" + name->value->str() + "\" is not inside a foreverypart "
                                                           "loop of that name"
                 : std::string("the break command is not inside a foreverypart loop"));
  return false;
}

const CommandDef& ForeverypartCommand() {
  static const CommandDef def{
      .name = "foreverypart",
      .signature = {.tags = {{"name", ArgType::kString, "name", 0}},
                    .block = BlockRule::kRequired},
      .validate = ValidateLoop,
      .generate = Generate,
      .execute = Begin,
  };
  return def;
}

// Not a command of the language: its name cannot be written in a script.
const CommandDef& LoopEnd() {
  static const CommandDef def{.name = "foreverypart.next", .execute = Next};
  return def;
}

const CommandDef& BreakCommand() {
  static const CommandDef def{
      .name = "break",
      .signature = {.tags = {{"name", ArgType::kString, "name", 0}}},
      .validate = ValidateBreak,
      .execute = Break,
  };
  return def;
}

}  // namespace

const Extension& ForeverypartExtension() {
  static const Extension ext{
      .name = "foreverypart",
      .commands = {&ForeverypartCommand(), &BreakCommand(), &LoopEnd()},
  };
  return ext;
}

bool IsInsideForeverypart(const ValidationContext& ctx) { return EnclosingLoops(ctx) > 0; }

}  // namespace sieve
