// Recursive-descent parser for the RFC 5228 §8.2 grammar.
//
// Recursion happens only for blocks and nested tests, and each level is counted against
// Limits::max_nesting_depth before descending, so hostile input cannot exhaust the stack.
// Error recovery (Recover) is iterative for the same reason.
#include "sieve-lang/parser.h"

#include <string>
#include <utility>
#include <vector>

#include "sieve-lang/lexer.h"
#include "sieve-lang/quote_internal.h"

namespace sieve {
namespace {

using Kind = Token::Kind;

// Longest prefix of a string shown in "..., but found string ..." messages.
constexpr size_t kMaxQuotedInMessage = 20;

std::string Describe(const Token& token) {
  std::string out;
  switch (token.kind) {
    case Kind::kIdentifier:
      return "identifier '" + token.text + "'";
    case Kind::kTag:
      return "tag ':" + token.text + "'";
    case Kind::kString:
      out = "string ";
      internal::AppendQuoted(token.text, kMaxQuotedInMessage, &out);
      return out;
    case Kind::kEnd:
      return "end of file";
    default:
      return TokenKindName(token.kind);
  }
}

class Parser {
 public:
  Parser(std::string_view source, const Limits& limits, Diagnostics* diagnostics)
      : lexer_(source, limits, diagnostics), limits_(limits), diagnostics_(diagnostics) {}

  void ParseScript(Script* script) {
    Advance();
    ParseCommands(&script->commands, 0, nullptr);
  }

 private:
  void Advance() {
    const bool after_error = At(Kind::kError);
    cur_ = lexer_.Next();
    // A lexical error followed by end of script was a runaway string, text: or comment;
    // its message already explains why every enclosing construct is unfinished.
    if (after_error && At(Kind::kEnd)) end_reported_ = true;
    if (diagnostics_->size() >= limits_.max_compile_errors) aborted_ = true;
  }
  bool At(Kind kind) const { return cur_.kind == kind; }

  void Error(SourceLocation at, std::string message);
  // Reports "unexpected <current token>; expected <what>" at the current token, unless the
  // lexer already reported it (kError) or end of script was already reported once.
  void Unexpected(std::string_view expected);

  void ParseCommands(std::vector<Command>* out, size_t depth, const SourceLocation* open_brace);
  bool ParseCommand(Command* cmd, size_t depth);
  bool ParseBlock(Command* cmd, size_t depth);
  bool ParseArguments(std::vector<Argument>* args, std::vector<Test>* tests, bool* test_list,
                      size_t test_depth);
  bool ParseStringList(Argument* arg);
  bool ParseTestList(std::vector<Test>* tests, size_t depth);
  bool ParseTest(Test* test, size_t depth);
  bool CheckDepth(size_t depth);
  void Recover();

  Lexer lexer_;
  const Limits& limits_;
  Diagnostics* diagnostics_;
  Token cur_;
  bool aborted_ = false;
  bool end_reported_ = false;
  // '(' and '[' opened by the command being parsed; Recover() uses it to find the real end.
  int open_groups_ = 0;
};

void Parser::Error(SourceLocation at, std::string message) {
  if (aborted_) return;
  diagnostics_->push_back({Diagnostic::Severity::kError, at, std::move(message)});
  if (diagnostics_->size() >= limits_.max_compile_errors) aborted_ = true;
}

void Parser::Unexpected(std::string_view expected) {
  if (At(Kind::kError)) return;
  if (At(Kind::kEnd)) {
    // Every enclosing construct is unfinished at end of script; one message says it all.
    if (end_reported_) return;
    end_reported_ = true;
  }
  // Pigeonhole's pattern: "expected <what>, but found <token>".
  Error(cur_.location, "expected " + std::string(expected) + ", but found " + Describe(cur_));
}

// start = commands; block = "{" commands "}". `open_brace` is null at top level.
void Parser::ParseCommands(std::vector<Command>* out, size_t depth,
                           const SourceLocation* open_brace) {
  while (!aborted_) {
    if (At(Kind::kEnd)) {
      if (open_brace != nullptr) {
        Unexpected("end of compound block '}' (opened at line " +
                   std::to_string(open_brace->line) + ")");
      }
      return;
    }
    if (At(Kind::kRightBrace) && open_brace != nullptr) {
      Advance();
      return;
    }
    if (!At(Kind::kIdentifier)) {
      Unexpected("a command");
      if (At(Kind::kRightBrace)) {
        Advance();  // a stray '}' at top level ends nothing; what follows is fresh
      } else {
        Recover();
      }
      continue;
    }
    out->emplace_back();
    if (!ParseCommand(&out->back(), depth)) Recover();
  }
}

// command = identifier arguments (";" / block)
bool Parser::ParseCommand(Command* cmd, size_t depth) {
  cmd->name = std::move(cur_.text);
  cmd->location = cur_.location;
  Advance();
  if (!ParseArguments(&cmd->arguments, &cmd->tests, &cmd->test_list, depth)) return false;
  if (At(Kind::kSemicolon)) {
    Advance();
    return true;
  }
  if (At(Kind::kLeftBrace)) return ParseBlock(cmd, depth);
  Unexpected("end of command ';' or the beginning of a compound block '{'");
  return false;
}

bool Parser::ParseBlock(Command* cmd, size_t depth) {
  cmd->has_block = true;
  if (!CheckDepth(depth + 1)) return false;  // Recover() skips the whole block
  const SourceLocation open = cur_.location;
  Advance();
  ParseCommands(&cmd->block, depth + 1, &open);
  return true;
}

// Blocks and nested tests share one budget (Limits::max_nesting_depth).
bool Parser::CheckDepth(size_t depth) {
  if (depth <= limits_.max_nesting_depth) return true;
  Error(cur_.location,
        "nesting too deep (max " + std::to_string(limits_.max_nesting_depth) + " levels)");
  return false;
}

// arguments = *argument [ test / test-list ]; argument = string-list / number / tag
bool Parser::ParseArguments(std::vector<Argument>* args, std::vector<Test>* tests, bool* test_list,
                            size_t test_depth) {
  while (!aborted_) {
    Argument arg;
    arg.location = cur_.location;
    if (At(Kind::kString)) {
      arg.kind = Argument::Kind::kString;
      arg.strings.push_back(std::move(cur_.text));
    } else if (At(Kind::kNumber)) {
      arg.kind = Argument::Kind::kNumber;
      arg.number = cur_.number;
    } else if (At(Kind::kTag)) {
      arg.kind = Argument::Kind::kTag;
      arg.tag = std::move(cur_.text);
    } else if (At(Kind::kLeftBracket)) {
      if (!ParseStringList(&arg)) return false;
      args->push_back(std::move(arg));
      continue;
    } else {
      break;
    }
    args->push_back(std::move(arg));
    Advance();
  }
  if (At(Kind::kError)) return false;
  if (At(Kind::kLeftParen)) {
    *test_list = true;
    return CheckDepth(test_depth) && ParseTestList(tests, test_depth);
  }
  if (At(Kind::kIdentifier)) {
    if (!CheckDepth(test_depth)) return false;
    tests->emplace_back();
    return ParseTest(&tests->back(), test_depth);
  }
  return true;
}

// string-list = "[" string *("," string) "]" / string
bool Parser::ParseStringList(Argument* arg) {
  arg->kind = Argument::Kind::kStringList;
  ++open_groups_;
  Advance();
  while (!aborted_) {
    if (!At(Kind::kString)) {
      Unexpected("a string");
      return false;
    }
    if (arg->strings.size() >= limits_.max_string_list_items) {
      Error(cur_.location, "too many strings in string list (max " +
                               std::to_string(limits_.max_string_list_items) + ")");
      return false;
    }
    arg->strings.push_back(std::move(cur_.text));
    Advance();
    if (At(Kind::kRightBracket)) {
      --open_groups_;
      Advance();
      return true;
    }
    if (!At(Kind::kComma)) {
      Unexpected("',' or ']'");
      return false;
    }
    Advance();
  }
  return false;
}

// test-list = "(" test *("," test) ")"
bool Parser::ParseTestList(std::vector<Test>* tests, size_t depth) {
  ++open_groups_;
  Advance();
  while (!aborted_) {
    if (!At(Kind::kIdentifier)) {
      Unexpected("a test");
      return false;
    }
    tests->emplace_back();
    if (!ParseTest(&tests->back(), depth)) return false;
    if (At(Kind::kRightParen)) {
      --open_groups_;
      Advance();
      return true;
    }
    if (!At(Kind::kComma)) {
      Unexpected("',' or ')'");
      return false;
    }
    Advance();
  }
  return false;
}

// test = identifier arguments; its own tests sit one nesting level deeper.
bool Parser::ParseTest(Test* test, size_t depth) {
  test->name = std::move(cur_.text);
  test->location = cur_.location;
  Advance();
  return ParseArguments(&test->arguments, &test->tests, &test->test_list, depth + 1);
}

// Skips the rest of a broken command: up to and including the next ';' outside brackets,
// or through a block that closes at this level; stops before a '}' that closes the
// enclosing block. Counters instead of recursion keep it safe on any nesting.
void Parser::Recover() {
  size_t groups = static_cast<size_t>(open_groups_);
  size_t braces = 0;
  open_groups_ = 0;
  while (!aborted_) {
    switch (cur_.kind) {
      case Kind::kEnd:
        return;
      case Kind::kSemicolon:
        if (braces == 0 && groups == 0) {
          Advance();
          return;
        }
        break;
      case Kind::kLeftParen:
      case Kind::kLeftBracket:
        ++groups;
        break;
      case Kind::kRightParen:
      case Kind::kRightBracket:
        if (groups > 0) --groups;
        break;
      case Kind::kLeftBrace:
        if (braces == 0) groups = 0;  // a block starts: any open list was never closed
        ++braces;
        break;
      case Kind::kRightBrace:
        if (braces == 0) return;  // closes the enclosing block; the caller consumes it
        if (--braces == 0) {
          Advance();
          return;
        }
        break;
      default:
        break;
    }
    Advance();
  }
}

}  // namespace

ParseOutput Parse(std::string_view source, const Limits& limits) {
  ParseOutput output;
  Parser parser(source, limits, &output.diagnostics);
  parser.ParseScript(&output.script);
  output.ok = true;
  for (const Diagnostic& d : output.diagnostics) {
    if (d.severity == Diagnostic::Severity::kError) output.ok = false;
  }
  return output;
}

}  // namespace sieve
