// Dump(): the golden-test text form of a syntax tree. One node per line, two spaces of
// indent per level, locations as "@line:col", arguments inline in source order.
#include "sieve-lang/ast.h"

#include <cstdio>
#include <string>
#include <string_view>

#include "sieve-lang/quote_internal.h"

namespace sieve {
namespace internal {

void AppendQuoted(std::string_view s, size_t max_bytes, std::string* out) {
  const std::string_view shown = s.substr(0, max_bytes);
  out->push_back('"');
  for (char c : shown) {
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\t':
        out->append("\\t");
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned char>(c));
          out->append(buf);
        } else {
          out->push_back(c);
        }
    }
  }
  out->push_back('"');
  if (shown.size() < s.size()) out->append("...");
}

}  // namespace internal

namespace {

void AppendLocation(SourceLocation at, std::string* out) {
  out->append(" @");
  out->append(std::to_string(at.line));
  out->push_back(':');
  out->append(std::to_string(at.column));
}

void AppendArgument(const Argument& arg, std::string* out) {
  out->push_back(' ');
  switch (arg.kind) {
    case Argument::Kind::kString:
      internal::AppendQuoted(arg.strings.empty() ? "" : arg.strings[0], std::string::npos, out);
      break;
    case Argument::Kind::kStringList:
      out->push_back('[');
      for (size_t i = 0; i < arg.strings.size(); ++i) {
        if (i > 0) out->push_back(',');
        internal::AppendQuoted(arg.strings[i], std::string::npos, out);
      }
      out->push_back(']');
      break;
    case Argument::Kind::kNumber:
      out->append(std::to_string(arg.number));
      break;
    case Argument::Kind::kTag:
      out->append("tag:");
      out->append(arg.tag);
      break;
  }
}

// The head line shared by commands and tests: name, location, arguments, "list" marker.
void AppendHead(std::string_view name, SourceLocation at, const std::vector<Argument>& args,
                bool test_list, std::string* out) {
  out->append(name);
  AppendLocation(at, out);
  for (const Argument& arg : args) AppendArgument(arg, out);
  if (test_list) out->append(" list");
  out->push_back('\n');
}

void DumpTest(const Test& test, int indent, std::string* out) {
  out->append(2 * indent, ' ');
  out->append("test ");
  AppendHead(test.name, test.location, test.arguments, test.test_list, out);
  for (const Test& sub : test.tests) DumpTest(sub, indent + 1, out);
}

void DumpCommands(const std::vector<Command>& commands, int indent, std::string* out) {
  for (const Command& cmd : commands) {
    out->append(2 * indent, ' ');
    AppendHead(cmd.name, cmd.location, cmd.arguments, cmd.test_list, out);
    for (const Test& test : cmd.tests) DumpTest(test, indent + 1, out);
    if (cmd.has_block) {
      out->append(2 * (indent + 1), ' ');
      out->append("block\n");
      DumpCommands(cmd.block, indent + 2, out);
    }
  }
}

}  // namespace

std::string Dump(const Script& script) {
  std::string out;
  DumpCommands(script.commands, 0, &out);
  return out;
}

}  // namespace sieve
