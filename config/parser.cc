// The parse driver: feeds logical lines into the section tree, following includes and
// resolving `<file` and `$var` values. All file access goes through a FileSource.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "base/strings.h"
#include "config/config.h"
#include "config/internal/line_parser.h"
#include "config/limits.h"

namespace config {
namespace {

using internal::LineKind;
using internal::ParsedLine;

struct Location {
  const std::string& file;
  int line;
};

std::string Prefix(const Location& at) { return at.file + ":" + std::to_string(at.line) + ": "; }

base::Status Syntax(const Location& at, std::string_view message) {
  return base::Status::InvalidArgument(Prefix(at) + std::string(message));
}

// Keeps the code of `status` (NotFound stays NotFound) and puts the location in front.
base::Status Wrap(const base::Status& status, const Location& at, std::string_view what) {
  std::string msg = Prefix(at) + std::string(what) + ": " + status.message();
  using Code = base::Status::Code;
  switch (status.code()) {
    case Code::kNotFound:
      return base::Status::NotFound(msg);
    case Code::kPermissionDenied:
      return base::Status::PermissionDenied(msg);
    case Code::kIOError:
      return base::Status::IOError(msg);
    case Code::kTemporary:
      return base::Status::Temporary(msg);
    default:
      return base::Status::InvalidArgument(msg);
  }
}

std::string Limit(std::string_view what, size_t limit) {
  return std::string(what) + " (limit " + std::to_string(limit) + ")";
}

// Relative paths in includes and `<file` are relative to the including file, as in Dovecot.
std::string Resolve(const std::string& including_file, const std::string& path) {
  if (path.starts_with('/')) return path;
  size_t slash = including_file.rfind('/');
  if (slash == std::string::npos) return path;
  return including_file.substr(0, slash + 1) + path;
}

bool HasGlob(std::string_view pattern) {
  return pattern.find_first_of("*?[{") != std::string_view::npos;
}

bool IsVariableChar(char c) { return base::IsAsciiAlpha(c) || base::IsAsciiDigit(c) || c == '_'; }

class Parser {
 public:
  explicit Parser(const ParseOptions& options)
      : files_(options.files != nullptr ? *options.files : RealFiles()),
        read_value_files_(options.read_value_files) {
    stack_.push_back(&config_.root);
  }
  // stack_ points into config_.
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;

  // Reads a file, counting it against kMaxFiles and kMaxFileSize.
  base::Result<std::string> Read(const std::string& path);
  // Parses one file's text into the currently open section.
  base::Status ParseText(std::string_view text, const std::string& name, int include_depth);
  Config Take() { return std::move(config_); }

 private:
  base::Status HandleLine(ParsedLine& parsed, const Location& at, size_t base_depth,
                          int include_depth);
  base::Status AddSetting(ParsedLine& parsed, const Location& at);
  base::Status OpenSection(ParsedLine& parsed, const Location& at);
  base::Status Include(const ParsedLine& parsed, const Location& at, int include_depth);
  // Replaces each `$name` by the latest value of `name` in the open sections, innermost
  // first; unset names expand to "". nullopt when the result exceeds kMaxValueLength.
  std::optional<std::string> Expand(std::string_view value) const;
  std::string_view Lookup(std::string_view key) const;

  const FileSource& files_;
  const bool read_value_files_;
  Config config_;
  std::vector<Section*> stack_;             // open sections, root first
  std::vector<std::string> include_stack_;  // files being parsed, outermost first
};

base::Result<std::string> Parser::Read(const std::string& path) {
  if (config_.files.size() >= kMaxFiles) {
    return base::Err(base::Status::InvalidArgument(Limit("Too many files", kMaxFiles)));
  }
  auto text = files_.Read(path);
  if (!text) return text;
  if (text->size() > kMaxFileSize) {
    return base::Err(
        base::Status::InvalidArgument(path + ": " + Limit("File too large", kMaxFileSize)));
  }
  config_.files.push_back(path);
  return text;
}

base::Status Parser::ParseText(std::string_view text, const std::string& name, int include_depth) {
  if (text.size() > kMaxFileSize) {
    return Syntax(Location{name, 1}, Limit("File too large", kMaxFileSize));
  }
  auto lines = internal::SplitLines(text);
  if (!lines) return Syntax(Location{name, lines.error().line}, lines.error().message);
  const size_t base_depth = stack_.size();
  include_stack_.push_back(name);
  for (const internal::RawLine& raw : *lines) {
    const Location at{name, raw.line};
    auto parsed = internal::ParseLine(raw.text);
    if (!parsed) return Syntax(at, parsed.error());
    base::Status status = HandleLine(*parsed, at, base_depth, include_depth);
    if (!status.ok()) return status;
  }
  include_stack_.pop_back();
  // Each file closes what it opens, so an error points at the file that forgot.
  if (stack_.size() > base_depth) {
    const Section& open = *stack_.back();
    std::string what = open.type + (open.name.empty() ? "" : " " + open.name);
    return Syntax(Location{open.file, open.line}, "Missing '}' for section '" + what + "'");
  }
  return base::Status::Ok();
}

base::Status Parser::HandleLine(ParsedLine& parsed, const Location& at, size_t base_depth,
                                int include_depth) {
  switch (parsed.kind) {
    case LineKind::kKeyValue:
    case LineKind::kKeyFile:
      return AddSetting(parsed, at);
    case LineKind::kSectionBegin:
      return OpenSection(parsed, at);
    case LineKind::kSectionEnd:
      if (stack_.size() == base_depth) return Syntax(at, "Unexpected '}'");
      stack_.pop_back();
      return base::Status::Ok();
    case LineKind::kInclude:
    case LineKind::kIncludeTry:
      return Include(parsed, at, include_depth);
  }
  return base::Status::Ok();
}

base::Status Parser::AddSetting(ParsedLine& parsed, const Location& at) {
  Setting setting{.key = std::move(parsed.key), .file = at.file, .line = at.line};
  if (parsed.kind == LineKind::kKeyFile) {
    setting.value_file = Resolve(at.file, parsed.value);
    if (!read_value_files_) {
      setting.value = "<" + setting.value_file;
    } else {
      auto text = Read(setting.value_file);
      if (!text) return Wrap(text.error(), at, setting.key);
      setting.value = std::string(base::TrimWhitespace(*text));
    }
  } else if (parsed.quoted) {
    setting.value = std::move(parsed.value);
  } else {
    std::optional<std::string> expanded = Expand(parsed.value);
    if (!expanded)
      return Syntax(at, Limit("Value too long after $variable expansion", kMaxValueLength));
    setting.value = std::move(*expanded);
  }
  stack_.back()->settings.push_back(std::move(setting));
  return base::Status::Ok();
}

base::Status Parser::OpenSection(ParsedLine& parsed, const Location& at) {
  if (stack_.size() > static_cast<size_t>(kMaxSectionDepth)) {
    return Syntax(at, Limit("Sections nested too deeply", kMaxSectionDepth));
  }
  Section& parent = *stack_.back();
  parent.children.push_back(Section{.type = std::move(parsed.key),
                                    .name = std::move(parsed.value),
                                    .file = at.file,
                                    .line = at.line});
  // Safe: only the innermost open section's children grow while it is open, so the
  // pointers to its ancestors stay valid.
  stack_.push_back(&parent.children.back());
  return base::Status::Ok();
}

base::Status Parser::Include(const ParsedLine& parsed, const Location& at, int include_depth) {
  const bool optional = parsed.kind == LineKind::kIncludeTry;
  const std::string directive = optional ? "!include_try " : "!include ";
  if (include_depth + 1 > kMaxIncludeDepth) {
    return Syntax(at, Limit("Includes nested too deeply", kMaxIncludeDepth));
  }
  const std::string pattern = Resolve(at.file, parsed.value);
  std::vector<std::string> paths;
  if (HasGlob(pattern)) {
    auto matched = files_.Glob(pattern);
    if (!matched) return Wrap(matched.error(), at, directive + parsed.value);
    if (matched->empty() && !optional) return Syntax(at, directive + parsed.value + ": No matches");
    paths = std::move(*matched);
  } else {
    paths.push_back(pattern);
  }
  for (const std::string& path : paths) {
    if (std::ranges::find(include_stack_, path) != include_stack_.end()) {
      return Syntax(at, "Recursive include of " + path);
    }
    auto text = Read(path);
    if (!text && optional && text.error().code() == base::Status::Code::kNotFound) continue;
    if (!text) return Wrap(text.error(), at, directive + parsed.value);
    base::Status status = ParseText(*text, path, include_depth + 1);
    if (!status.ok()) return status;
  }
  return base::Status::Ok();
}

std::optional<std::string> Parser::Expand(std::string_view value) const {
  std::string out;
  size_t i = 0;
  while (i < value.size()) {
    size_t dollar = value.find('$', i);
    out.append(value.substr(i, dollar == std::string_view::npos ? dollar : dollar - i));
    if (dollar == std::string_view::npos) break;
    size_t end = dollar + 1;
    while (end < value.size() && IsVariableChar(value[end])) ++end;
    if (end == dollar + 1) {
      out.push_back('$');  // a lone `$` is literal
    } else {
      out.append(Lookup(value.substr(dollar + 1, end - dollar - 1)));
    }
    if (out.size() > kMaxValueLength) return std::nullopt;
    i = end;
  }
  if (out.size() > kMaxValueLength) return std::nullopt;
  return out;
}

std::string_view Parser::Lookup(std::string_view key) const {
  for (auto it = stack_.rbegin(); it != stack_.rend(); ++it) {
    if (const Setting* setting = (*it)->Find(key)) return setting->value;
  }
  return {};
}

}  // namespace

base::Result<Config> ParseFile(const std::string& path, const ParseOptions& options) {
  Parser parser(options);
  auto text = parser.Read(path);
  if (!text) return base::Err(text.error());
  base::Status status = parser.ParseText(*text, path, 0);
  if (!status.ok()) return base::Err(status);
  return parser.Take();
}

base::Result<Config> ParseString(std::string_view text, std::string_view name,
                                 const ParseOptions& options) {
  Parser parser(options);
  base::Status status = parser.ParseText(text, std::string(name), 0);
  if (!status.ok()) return base::Err(status);
  return parser.Take();
}

}  // namespace config
