// Program::Disassemble: the text sieve-dump prints and golden tests compare.
#include <cstdio>
#include <string>

#include "sieve-lang/program.h"

namespace sieve {
namespace {

std::string Quote(std::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

std::string FormatValue(const Value& v) {
  switch (v.type) {
    case ArgType::kNumber: return std::to_string(v.number);
    case ArgType::kString: return Quote(v.str());
    case ArgType::kStringList: {
      std::string out = "[";
      for (size_t i = 0; i < v.strings.size(); ++i) {
        if (i > 0) out += ", ";
        out += Quote(v.strings[i]);
      }
      return out + "]";
    }
  }
  return "?";
}

const char* OpName(Op op) {
  switch (op) {
    case Op::kJump: return "jmp";
    case Op::kJumpIfTrue: return "jmptrue";
    case Op::kJumpIfFalse: return "jmpfalse";
    case Op::kNot: return "not";
    case Op::kSetTrue: return "true";
    case Op::kSetFalse: return "false";
    case Op::kStop: return "stop";
    case Op::kInvoke: return "invoke";
  }
  return "?";
}

std::string Hex(std::string_view bytes) {
  std::string out;
  char buf[4];
  for (unsigned char c : bytes) {
    std::snprintf(buf, sizeof buf, "%02x ", c);
    out += buf;
  }
  if (!out.empty()) out.pop_back();
  return out;
}

}  // namespace

std::string Program::Disassemble(bool hex) const {
  std::string out = "Script: " + script_name_ + "\nExtensions:\n";
  for (size_t i = 0; i < extensions_.size(); ++i) {
    out += "  " + std::to_string(i) + ": " + std::string(extensions_[i]->name) + "\n";
  }
  out += "Code:\n";
  std::string_view code =
      std::string_view(bytes_).substr(code_start_, main_size_ - code_start_);
  char buf[64];
  for (size_t i = 0; i < code_.size(); ++i) {
    const Instruction& in = code_[i];
    std::snprintf(buf, sizeof buf, "%06x: %4d: ", in.offset, in.line);
    out += buf;
    if (in.op == Op::kInvoke) {
      out += std::string(in.def->name);
      for (const TagValue& tag : in.operands.tags) {
        out += " :" + tag.name;
        if (tag.value) out += " " + FormatValue(*tag.value);
      }
      for (const Value& v : in.operands.positional) out += " " + FormatValue(v);
    } else {
      out += OpName(in.op);
      if (in.op == Op::kJump || in.op == Op::kJumpIfTrue || in.op == Op::kJumpIfFalse) {
        uint32_t to = in.target < code_.size() ? code_[in.target].offset
                                               : static_cast<uint32_t>(code.size());
        std::snprintf(buf, sizeof buf, " %06x", to);
        out += buf;
      }
    }
    out += "\n";
    if (hex) {
      size_t end = i + 1 < code_.size() ? code_[i + 1].offset : code.size();
      out += "        " + Hex(code.substr(in.offset, end - in.offset)) + "\n";
    }
  }
  std::snprintf(buf, sizeof buf, "%06zx: [end]\n", code.size());
  out += buf;
  // Included scripts follow, each listed like a program of its own (RFC 6609).
  for (const IncludedScript& inc : included_) {
    out += "\nIncluded " + std::string(ScriptLocationName(inc.location)) + " script '" +
           inc.name + "':\n" + inc.program->Disassemble(hex);
  }
  return out;
}

}  // namespace sieve
