#include "sieve-lang/program.h"

#include <algorithm>

#include "sieve-lang/bytecode.h"
#include "sieve-lang/operand_codec.h"
#include "sieve-lang/registry.h"
#include "sieve-lang/signature_check.h"

namespace sieve {
namespace {

constexpr size_t kHeaderSize = 4 + 2 + 2 + 4 + 8;  // magic, major, minor, length, checksum
constexpr size_t kMaxExtensions = 256;

base::Status Corrupt(std::string_view what) {
  return base::Status::Corruption("sieve binary is corrupt: " + std::string(what));
}

template <typename T>
const T* FindByName(const std::vector<const Extension*>& loaded,
                    std::vector<const T*> Extension::*member, std::string_view name) {
  for (const Extension* ext : loaded) {
    for (const T* item : ext->*member) {
      if (item->name() == name) return item;
    }
  }
  return nullptr;
}

struct Decoder {
  const Registry& registry;
  const ExtensionSet& enabled;
  const Limits& limits;
  Program* program;
};

bool IsJump(Op op) { return op == Op::kJump || op == Op::kJumpIfTrue || op == Op::kJumpIfFalse; }

}  // namespace

std::optional<std::string> ResolveMatchTags(const std::vector<const Extension*>& loaded,
                                            const Signature& signature, Operands& ops) {
  for (const TagValue& tag : ops.tags) {
    if (signature.match_tags && tag.name == "comparator") {
      const std::string& cmp_name = tag.value->str();
      ops.comparator = FindByName(loaded, &Extension::comparators, cmp_name);
      if (ops.comparator == nullptr) {
        return "unknown comparator '" + cmp_name + "'";
      }
    } else if (signature.match_tags) {
      if (const MatchType* mt = FindByName(loaded, &Extension::match_types, tag.name)) {
        ops.match_type = mt;
        if (tag.value) ops.match_param = tag.value->str();
        if (auto err = mt->CheckParam(ops.match_param)) return err;
        continue;
      }
    }
    if (signature.address_part_tags) {
      if (const AddressPart* ap = FindByName(loaded, &Extension::address_parts, tag.name)) {
        ops.address_part = ap;
      }
    }
  }
  if (signature.match_tags) {
    if (ops.comparator == nullptr) {
      ops.comparator = FindByName(loaded, &Extension::comparators, signature.default_comparator);
    }
    if (ops.match_type == nullptr) {
      ops.match_type = FindByName(loaded, &Extension::match_types, "is");
    }
    // Only a damaged program lacks the core language that provides the defaults.
    if (ops.comparator == nullptr || ops.match_type == nullptr) {
      return std::string("default comparator or match type unavailable");
    }
    if (ops.match_type->NeedsSubstring() && !ops.comparator->SupportsSubstring()) {
      return "the " + std::string(ops.comparator->name()) +
             " comparator does not support the :" + std::string(ops.match_type->name()) +
             " match type";
    }
  }
  if (signature.address_part_tags && ops.address_part == nullptr) {
    ops.address_part = FindByName(loaded, &Extension::address_parts, "all");
    if (ops.address_part == nullptr) return std::string("default address part unavailable");
  }
  return std::nullopt;
}

std::string AssembleProgram(std::string_view script_name,
                            const std::vector<const Extension*>& extensions,
                            std::string_view code) {
  ByteWriter payload;
  payload.Varint(extensions.size());
  for (const Extension* ext : extensions) payload.String(ext->name);
  payload.String(script_name);
  payload.bytes().append(code);
  return FrameProgram(payload.bytes());
}

std::string FrameProgram(std::string_view payload) {
  ByteWriter out;
  for (char c : kProgramMagic) out.U8(static_cast<uint8_t>(c));
  out.U16(kProgramVersionMajor);
  out.U16(kProgramVersionMinor);
  out.U32(static_cast<uint32_t>(payload.size()));
  out.U64(Fnv1a64(payload));
  out.bytes().append(payload);
  return std::move(out.bytes());
}

static base::Status DecodeHeader(std::string_view bytes, const Limits& limits) {
  if (bytes.size() < kHeaderSize) return Corrupt("truncated header");
  if (!std::equal(kProgramMagic, kProgramMagic + 4, bytes.begin())) {
    return Corrupt("not a Roost sieve binary (bad magic)");
  }
  ByteReader r(bytes.substr(4));
  uint16_t major = r.U16();
  uint16_t minor = r.U16();
  uint32_t length = r.U32();
  uint64_t checksum = r.U64();
  if (major != kProgramVersionMajor) {
    return base::Status::Unsupported("sieve binary has format version " + std::to_string(major) +
                                     "." + std::to_string(minor) + "; this build reads " +
                                     std::to_string(kProgramVersionMajor) + ".x");
  }
  if (bytes.size() > limits.max_program_size) return Corrupt("program too large");
  if (length != bytes.size() - kHeaderSize) return Corrupt("length mismatch (truncated?)");
  if (Fnv1a64(bytes.substr(kHeaderSize)) != checksum) return Corrupt("checksum mismatch");
  return base::Status::Ok();
}

static base::Status DecodeInstruction(ByteReader& r, const Decoder& d, Instruction& in) {
  in.op = static_cast<Op>(r.U8());
  in.line = static_cast<int>(r.Varint() & 0x7fffffff);
  if (!r.ok()) return Corrupt("truncated instruction");
  switch (in.op) {
    case Op::kJump:
    case Op::kJumpIfTrue:
    case Op::kJumpIfFalse:
      in.target = r.U32();  // a byte offset until Load maps it to an index
      break;
    case Op::kNot:
    case Op::kSetTrue:
    case Op::kSetFalse:
    case Op::kStop:
      break;
    case Op::kInvoke: {
      in.extension = static_cast<uint32_t>(r.Varint());
      in.local_code = static_cast<uint32_t>(r.Varint());
      const auto& exts = d.program->extensions();
      if (!r.ok() || in.extension >= exts.size() ||
          in.local_code >= exts[in.extension]->commands.size()) {
        return Corrupt("bad operation code");
      }
      in.def = exts[in.extension]->commands[in.local_code];
      if (!DecodeOperands(r, d.limits, in.operands)) return Corrupt("bad operands");
      if (auto err = CheckOperands(exts, *in.def, in.operands)) return Corrupt(*err);
      MarkExpansion(in, d.program->expands_variables());
      if (auto err = ResolveMatchTags(exts, in.def->signature, in.operands)) return Corrupt(*err);
      break;
    }
    default:
      return Corrupt("unknown operation " + std::to_string(static_cast<int>(in.op)));
  }
  return r.ok() ? base::Status::Ok() : Corrupt("truncated instruction");
}

bool ExpandsVariables(const std::vector<const Extension*>& extensions) {
  return std::any_of(extensions.begin(), extensions.end(),
                     [](const Extension* ext) { return ext->expands_variables; });
}

void MarkExpansion(Instruction& in, bool expansion) {
  auto has_reference = [](const Value& v) {
    return std::any_of(v.strings.begin(), v.strings.end(), [](const std::string& s) {
      return s.find("${") != std::string::npos;
    });
  };
  in.expand = expansion &&
              (std::any_of(in.operands.positional.begin(), in.operands.positional.end(),
                           has_reference) ||
               std::any_of(in.operands.tags.begin(), in.operands.tags.end(),
                           [&](const TagValue& t) { return t.value && has_reference(*t.value); }));
}

const char* ScriptLocationName(ScriptLocation location) {
  return location == ScriptLocation::kGlobal ? "global" : "personal";
}

std::optional<size_t> Program::FindIncluded(ScriptLocation location,
                                            std::string_view name) const {
  for (size_t i = 0; i < included_.size(); ++i) {
    if (included_[i].location == location && included_[i].name == name) return i;
  }
  return std::nullopt;
}

// The include section after the main program: a checksum and length, then per script its
// location, name and complete program bytes (each with its own header and checksum).
void Program::SetIncluded(std::vector<IncludedScript> included) {
  included_ = std::move(included);
  bytes_.resize(main_size_);
  if (included_.empty()) return;
  ByteWriter section;
  section.Varint(included_.size());
  for (const IncludedScript& inc : included_) {
    section.U8(static_cast<uint8_t>(inc.location));
    section.String(inc.name);
    section.String(inc.program->bytes());
  }
  ByteWriter out;
  out.U32(static_cast<uint32_t>(section.size()));
  out.U64(Fnv1a64(section.bytes()));
  bytes_ += out.bytes();
  bytes_ += section.bytes();
}

Program Program::FromGenerated(std::string bytes, size_t code_size,
                               std::vector<const Extension*> extensions,
                               std::string script_name, std::vector<Instruction> code) {
  Program program;
  program.code_start_ = bytes.size() - code_size;
  program.bytes_ = std::move(bytes);
  program.main_size_ = program.bytes_.size();
  program.extensions_ = std::move(extensions);
  program.script_name_ = std::move(script_name);
  program.code_ = std::move(code);
  program.expands_variables_ = ExpandsVariables(program.extensions_);
  return program;
}

// Maps each jump's byte-offset target to an instruction index (`end` is one past the last
// instruction). Offsets ascend with the index, so a binary search finds them.
static base::Status ResolveJumps(std::vector<Instruction>& code, uint32_t end) {
  for (Instruction& in : code) {
    if (!IsJump(in.op)) continue;
    // Only forward jumps are generated: a backward one could loop forever.
    if (in.target <= in.offset) return Corrupt("bad jump target");
    if (in.target == end) {
      in.target = static_cast<uint32_t>(code.size());
      continue;
    }
    auto it = std::lower_bound(code.begin(), code.end(), in.target,
                               [](const Instruction& i, uint32_t off) { return i.offset < off; });
    if (it == code.end() || it->offset != in.target) return Corrupt("bad jump target");
    in.target = static_cast<uint32_t>(it - code.begin());
  }
  return base::Status::Ok();
}

// Splits `bytes` into the main program and the include section that may follow it.
static base::Status SplitUnit(std::string_view bytes, std::string_view& main,
                              std::string_view& section) {
  if (bytes.size() < kHeaderSize) return Corrupt("truncated header");
  ByteReader r(bytes.substr(8));
  uint64_t end = kHeaderSize + uint64_t{r.U32()};
  if (end > bytes.size()) return Corrupt("length mismatch (truncated?)");
  main = bytes.substr(0, end);
  section = bytes.substr(end);
  return base::Status::Ok();
}

static base::Status DecodeIncluded(std::string_view section, const Registry& registry,
                                   const ExtensionSet& enabled, const Limits& limits,
                                   std::vector<IncludedScript>& out) {
  ByteReader head(section);
  uint32_t size = head.U32();
  uint64_t checksum = head.U64();
  if (!head.ok() || size != section.size() - head.pos()) {
    return Corrupt("include section length mismatch");
  }
  std::string_view payload = section.substr(head.pos());
  if (Fnv1a64(payload) != checksum) return Corrupt("include section checksum mismatch");
  ByteReader r(payload);
  uint64_t count = r.Varint();
  if (!r.ok() || count == 0 || count > limits.max_includes) {
    return Corrupt("bad include section");
  }
  for (uint64_t i = 0; i < count; ++i) {
    IncludedScript inc;
    uint8_t location = r.U8();
    inc.name = r.String(4096);
    std::string bytes = r.String(limits.max_program_size);
    if (!r.ok() || location > 1) return Corrupt("bad include section");
    inc.location = static_cast<ScriptLocation>(location);
    // An included script carries no include section of its own (checked before loading, so
    // damaged input cannot make loading recurse).
    std::string_view main, nested;
    if (auto st = SplitUnit(bytes, main, nested); !st.ok()) return st;
    if (!nested.empty()) return Corrupt("nested include section");
    auto program = Program::Load(bytes, registry, enabled, limits);
    if (!program) return program.error();
    inc.program = std::make_shared<const Program>(std::move(*program));
    out.push_back(std::move(inc));
  }
  if (!r.at_end()) return Corrupt("trailing bytes after the include section");
  return base::Status::Ok();
}

base::Result<Program> Program::Load(std::string_view unit, const Registry& registry,
                                    const ExtensionSet& enabled, const Limits& limits) {
  if (unit.size() > limits.max_program_size) return base::Err(Corrupt("program too large"));
  std::string_view bytes, section;
  if (auto st = SplitUnit(unit, bytes, section); !st.ok()) return base::Err(st);
  if (auto st = DecodeHeader(bytes, limits); !st.ok()) return base::Err(st);
  Program program;
  program.bytes_ = std::string(bytes);
  program.main_size_ = program.bytes_.size();
  ByteReader r(std::string_view(program.bytes_).substr(kHeaderSize));
  uint64_t ext_count = r.Varint();
  if (!r.ok() || ext_count == 0 || ext_count > kMaxExtensions) return base::Err(Corrupt("bad extension table"));
  for (uint64_t i = 0; i < ext_count; ++i) {
    std::string name = r.String(256);
    if (!r.ok()) return base::Err(Corrupt("truncated extension table"));
    const Extension* ext = registry.Find(name);
    if (ext == nullptr || !enabled.Contains(ext)) {
      return base::Err(base::Status::Unsupported("sieve binary needs extension '" + name +
                                                 "', which is not available"));
    }
    program.extensions_.push_back(ext);
  }
  // The compiler always puts the core language first; the defaults come from it.
  if (program.extensions_.front() != &registry.core()) {
    return base::Err(Corrupt("extension table does not start with the core language"));
  }
  program.script_name_ = r.String(4096);
  if (!r.ok()) return base::Err(Corrupt("truncated script name"));
  program.code_start_ = kHeaderSize + r.pos();
  ByteReader code(std::string_view(program.bytes_).substr(program.code_start_));
  Decoder d{registry, enabled, limits, &program};
  program.expands_variables_ = ExpandsVariables(program.extensions_);
  while (!code.at_end()) {
    Instruction in;
    in.offset = static_cast<uint32_t>(code.pos());
    if (auto st = DecodeInstruction(code, d, in); !st.ok()) return base::Err(st);
    program.code_.push_back(std::move(in));
  }
  if (auto st = ResolveJumps(program.code_, static_cast<uint32_t>(code.pos())); !st.ok()) {
    return base::Err(st);
  }
  if (!section.empty()) {
    std::vector<IncludedScript> included;
    if (auto st = DecodeIncluded(section, registry, enabled, limits, included); !st.ok()) {
      return base::Err(st);
    }
    program.SetIncluded(std::move(included));
  }
  return program;
}

}  // namespace sieve
