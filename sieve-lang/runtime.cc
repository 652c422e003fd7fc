#include "sieve-lang/runtime.h"

#include <time.h>

#include <algorithm>

#include "base/strings.h"
#include "sieve-lang/interpreter.h"
#include "sieve-lang/variable_ref.h"
#include "mail/encoded_words.h"
#include "mail/structured_header.h"

namespace sieve {

void Runtime::Trace(TraceLevel level, int depth, std::string_view text) {
  if (Tracing(level)) trace_->Line(line_, depth, text);
}

ExecStatus Runtime::AddAction(Action action) {
  if (program_ != nullptr && operands_ != nullptr) {
    for (const Extension* ext : program_->extensions()) {
      if (ext->decorate_action != nullptr) ext->decorate_action(*this, *operands_, action);
    }
  }
  if (Tracing(TraceLevel::kActions)) Trace(TraceLevel::kActions, 0, action.Describe());
  action.location.line = line_;
  // RFC 5293 §6: an action works on the message as edited when it was added.
  if (!action.message) action.message = edited_;
  return result_.Add(std::move(action));
}

std::optional<std::vector<std::string>> Runtime::ImplicitKeepFlags() {
  const Program* program = unit_ != nullptr ? unit_ : program_;
  if (program == nullptr) return std::nullopt;
  Action keep{.kind = Action::Kind::kKeep};
  const Operands none;
  for (const Extension* ext : program->extensions()) {
    if (ext->decorate_action != nullptr) ext->decorate_action(*this, none, keep);
  }
  return keep.flags;
}

std::chrono::nanoseconds Runtime::ThreadCpuTime() {
  // The calling thread's CPU time: a busy neighbour thread of a server must not count.
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return std::chrono::seconds(ts.tv_sec) + std::chrono::nanoseconds(ts.tv_nsec);
}

bool Runtime::CpuTimeExceeded() {
  const std::chrono::nanoseconds limit = limits_->max_cpu_time;
  if (limit.count() == 0) return false;
  // The CPU clock is a system call (about half a microsecond here) and most executions end
  // within microseconds, so it is first read once the run has lasted a little; the CPU time
  // before that mark counts as the wall time that had passed (an upper bound, at most 5 ms).
  // A thread cannot use more CPU time than has passed, so until the limit could have been
  // reached, the cheap clock answers alone.
  const std::chrono::nanoseconds wall = std::chrono::steady_clock::now() - wall_start_;
  if (!cpu_mark_) {
    if (wall < std::min<std::chrono::nanoseconds>(limit / 8, std::chrono::milliseconds(5))) {
      return false;
    }
    cpu_mark_ = ThreadCpuTime();
    wall_at_mark_ = wall;
  }
  if (wall <= limit) return false;
  return wall_at_mark_ + (ThreadCpuTime() - *cpu_mark_) > limit;
}

void Runtime::Rebind(const mail::Message& message, const Envelope& envelope) {
  message_ = &message;
  envelope_ = &envelope;
  edited_.reset();
  cache_.clear();
}

void Runtime::EditMessage(std::shared_ptr<const mail::Message> edited) {
  if (!part_loops_.empty() && edited_) looped_versions_.push_back(std::move(edited_));
  edited_ = std::move(edited);
  message_ = edited_.get();
  cache_.clear();
}

const std::vector<std::string>* Runtime::FindCached(std::string_view key,
                                                   const void* variant) {
  for (const CachedValues& entry : cache_) {
    if (entry.variant == variant && base::EqualsIgnoreCase(entry.key, key)) return &entry.values;
  }
  return nullptr;
}

const std::vector<std::string>& Runtime::DecodedHeaders(std::string_view name) {
  if (const auto* hit = FindCached(name, nullptr)) return *hit;
  std::vector<std::string> values;
  for (std::string_view raw : message_->headers().GetAll(name)) {
    values.push_back(mail::DecodeEncodedWords(raw));
  }
  cache_.push_back({std::string(name), nullptr, std::move(values)});
  return cache_.back().values;
}

namespace {

// `part` of every address in one raw header field; invalid entries only for :all.
void AppendAddressParts(std::string_view raw, const AddressPart& part, Host& host,
                        std::vector<std::string>& values) {
  mail::AddressList list = mail::ParseAddressList(raw);
  for (const mail::Address& address : list.addresses) {
    if (auto v = part.Extract(address, host)) values.push_back(std::move(*v));
  }
  if (part.name() == "all") {
    for (std::string& bad : list.invalid) values.push_back(std::move(bad));
    // An empty field is an empty (invalid) address: `:all :is ""` matches it.
    if (list.addresses.empty() && list.invalid.empty() && base::TrimWhitespace(raw).empty()) {
      values.emplace_back();
    }
  }
}

// The field `:index N [:last]` selects among `fields` (RFC 5260 §6), if there is one.
std::optional<std::string_view> IndexedField(const TagValue& index, bool last,
                                             const std::vector<std::string_view>& fields) {
  const uint64_t n = index.value ? index.value->number : 0;
  if (n == 0 || n > fields.size()) return std::nullopt;
  return fields[last ? fields.size() - n : n - 1];
}

// `part` and, for :anychild, every part below it (depth first, in message order).
std::vector<const mail::MimePart*> MimeScope(const mail::MimePart& part, bool anychild) {
  std::vector<const mail::MimePart*> out{&part};
  for (size_t i = 0; anychild && i < out.size(); ++i) {
    const auto& children = out[i]->children();
    std::vector<const mail::MimePart*> below;
    for (const auto& child : children) below.push_back(child.get());
    out.insert(out.begin() + static_cast<std::ptrdiff_t>(i) + 1, below.begin(), below.end());
  }
  return out;
}

// A :mime option (RFC 5703 §4.2) applied to one decoded field value.
void AppendMimeOption(const Operands& ops, const std::string& value,
                      std::vector<std::string>& out) {
  const bool type = ops.HasTag("type"), subtype = ops.HasTag("subtype");
  const bool contenttype = ops.HasTag("contenttype");
  const TagValue* param = ops.FindTag("param");
  if (!type && !subtype && !contenttype && param == nullptr) {
    out.push_back(value);
    return;
  }
  mail::StructuredHeader h = mail::ParseStructuredHeader(value);
  if (type) out.push_back(h.type);
  if (subtype) out.push_back(h.subtype);
  if (contenttype) out.push_back(h.subtype.empty() ? h.type : h.type + "/" + h.subtype);
  if (param != nullptr && param->value) {
    for (const std::string& name : param->value->strings) {
      for (const auto& [key, v] : h.params) {
        if (base::EqualsIgnoreCase(key, name)) {
          out.push_back(v);
          break;
        }
      }
    }
  }
}

}  // namespace

const mail::MimePart& Runtime::current_part() const {
  if (part_loops_.empty()) return message_->mime_root();
  const PartLoop& loop = part_loops_.back();
  return *loop.parts[loop.index];
}

const std::vector<std::string>& Runtime::AddressPartValues(std::string_view name,
                                                          const AddressPart& part) {
  if (const auto* hit = FindCached(name, &part)) return *hit;
  std::vector<std::string> values;
  for (std::string_view raw : message_->headers().GetAll(name)) {
    AppendAddressParts(raw, part, host_, values);
  }
  cache_.push_back({std::string(name), &part, std::move(values)});
  return cache_.back().values;
}

const std::vector<std::string>& Runtime::HeaderValues(const Operands& ops, std::string_view name,
                                                      std::vector<std::string>& scratch) {
  if (ops.HasTag("mime")) {
    scratch.clear();
    for (const mail::MimePart* part : MimeScope(current_part(), ops.HasTag("anychild"))) {
      for (std::string_view raw : part->headers().GetAll(name)) {
        AppendMimeOption(ops, mail::DecodeEncodedWords(raw), scratch);
      }
    }
    return scratch;
  }
  const TagValue* index = ops.FindTag("index");
  if (index == nullptr) return DecodedHeaders(name);
  scratch.clear();
  if (auto raw = IndexedField(*index, ops.HasTag("last"), message_->headers().GetAll(name))) {
    scratch.push_back(mail::DecodeEncodedWords(*raw));
  }
  return scratch;
}

std::vector<std::string> Runtime::ValuesOfAll(const Operands& ops,
                                              const std::vector<std::string>& names,
                                              const AddressPart* part) {
  std::vector<std::string> all;
  const TagValue* index = ops.FindTag("index");
  if (index != nullptr && !ops.HasTag("mime")) {
    std::vector<std::string_view> fields;
    for (const std::string& name : names) {
      std::vector<std::string_view> named = message_->headers().GetAll(name);
      fields.insert(fields.end(), named.begin(), named.end());
    }
    if (auto raw = IndexedField(*index, ops.HasTag("last"), fields)) {
      if (part != nullptr) {
        AppendAddressParts(*raw, *part, host_, all);
      } else {
        all.push_back(mail::DecodeEncodedWords(*raw));
      }
    }
    return all;
  }
  std::vector<std::string> scratch;
  for (const std::string& name : names) {
    const auto& values = part != nullptr ? AddressValues(ops, name, *part, scratch)
                                         : HeaderValues(ops, name, scratch);
    all.insert(all.end(), values.begin(), values.end());
  }
  return all;
}

const std::vector<std::string>& Runtime::AddressValues(const Operands& ops,
                                                       std::string_view name,
                                                       const AddressPart& part,
                                                       std::vector<std::string>& scratch) {
  if (ops.HasTag("mime")) {
    scratch.clear();
    for (const mail::MimePart* p : MimeScope(current_part(), ops.HasTag("anychild"))) {
      for (std::string_view raw : p->headers().GetAll(name)) {
        AppendAddressParts(raw, part, host_, scratch);
      }
    }
    return scratch;
  }
  const TagValue* index = ops.FindTag("index");
  if (index == nullptr) return AddressPartValues(name, part);
  scratch.clear();
  if (auto raw = IndexedField(*index, ops.HasTag("last"), message_->headers().GetAll(name))) {
    AppendAddressParts(*raw, part, host_, scratch);
  }
  return scratch;
}

bool Runtime::MatchAny(const Operands& ops, const std::vector<std::string>& values,
                       const std::vector<std::string>& keys, bool sets_match_values) {
  const bool tracing = Tracing(TraceLevel::kMatching);
  if (tracing) {
    Trace(TraceLevel::kMatching, 1,
          "starting `:" + std::string(ops.match_type->name()) + "' match with `" +
              std::string(ops.comparator->name()) + "' comparator:");
  }
  // :count (RFC 5231 §4.1) compares the number of values, as a decimal string, with the keys.
  std::vector<std::string> count;
  if (ops.match_type->CountsValues()) count.push_back(std::to_string(values.size()));
  for (const std::string& value : ops.match_type->CountsValues() ? count : values) {
    for (const std::string& key : keys) {
      Captures captures;
      // MatchWithHost: extlists' :list keys name lists only the embedder can look up.
      bool hit = ops.match_type->MatchWithHost(
          host_, *ops.comparator, value, key, ops.match_param,
          variables_enabled_ && sets_match_values ? &captures : nullptr);
      if (hit && !captures.empty()) match_values_ = std::move(captures);
      if (tracing) {
        Trace(TraceLevel::kMatching, 1,
              "matching value `" + value + "' with key `" + key + "' => " + (hit ? "1" : "0"));
      }
      if (hit) {
        if (tracing) Trace(TraceLevel::kMatching, 1, "finishing match with result: matched");
        return true;
      }
    }
  }
  if (tracing) Trace(TraceLevel::kMatching, 1, "finishing match with result: not matched");
  // Constant keys were checked at compile time; only keys built from variables can be bad.
  if (operands_expanded_) {
    for (const std::string& key : keys) {
      if (auto error = ops.match_type->RuntimeKeyError(key, *ops.comparator)) {
        ReportError(std::move(*error));
      }
    }
  }
  return false;
}

void Runtime::ReportError(std::string message) {
  const std::vector<Instruction>& code = program_->code();
  Diagnostic diagnostic{Diagnostic::Severity::kError,
                        {position_ < code.size() ? code[position_].line : 0, 0},
                        std::move(message)};
  if (include_depth_ > 0) diagnostic.script = program_->script_name();
  reported_errors_.push_back(std::move(diagnostic));
}

namespace {

// Truncates on a UTF-8 character boundary, as Pigeonhole does.
void TruncateValue(std::string& value, size_t max) {
  if (max == 0 || value.size() <= max) return;
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xc0) == 0x80) --cut;
  value.resize(cut);
}

const Extension* NamespaceOwner(const Program* program, std::string_view name,
                                std::string_view* rest) {
  size_t dot = name.find('.');
  if (dot == std::string_view::npos || program == nullptr) return nullptr;
  std::string_view ns = name.substr(0, dot);
  for (const Extension* ext : program->extensions()) {
    if (!ext->variable_namespace.empty() && base::EqualsIgnoreCase(ext->variable_namespace, ns)) {
      *rest = name.substr(dot + 1);
      return ext;
    }
  }
  return nullptr;
}

}  // namespace

ExecStatus Runtime::Store(VariableStore& store, std::string key, std::string value) {
  TruncateValue(value, limits_->max_variable_size);
  for (auto& [existing, stored] : store) {
    if (existing == key) {
      stored = std::move(value);
      return {};
    }
  }
  if (limits_->max_variables != 0 && store.size() >= limits_->max_variables) {
    return std::unexpected(ExecError{"too many variables (more than " +
                                     std::to_string(limits_->max_variables) + ")"});
  }
  store.emplace_back(std::move(key), std::move(value));
  return {};
}

ExecStatus Runtime::SetVariable(std::string_view name, std::string value) {
  std::string_view rest;
  if (const Extension* ext = NamespaceOwner(program_, name, &rest)) {
    if (ext->write_namespace_variable != nullptr) {
      TruncateValue(value, limits_->max_variable_size);
      return ext->write_namespace_variable(*this, rest, std::move(value));
    }
  }
  std::string key = base::AsciiToLower(name);
  for (const std::string& global : global_names_) {
    if (global == key) return Store(globals_, std::move(key), std::move(value));
  }
  return Store(variables_, std::move(key), std::move(value));
}

std::string Runtime::GetVariable(std::string_view name) {
  std::string_view rest;
  if (const Extension* ext = NamespaceOwner(program_, name, &rest)) {
    return ext->read_namespace_variable(*this, rest).value_or("");
  }
  if (name.find('.') != std::string_view::npos) return "";
  std::string key = base::AsciiToLower(name);
  for (const std::string& global : global_names_) {
    if (global == key) return GetGlobal(key);
  }
  for (const auto& [existing, stored] : variables_) {
    if (existing == key) return stored;
  }
  return "";
}

void Runtime::DeclareGlobal(std::string_view name) {
  std::string key = base::AsciiToLower(name);
  if (std::find(global_names_.begin(), global_names_.end(), key) == global_names_.end()) {
    global_names_.push_back(std::move(key));
  }
}

void Runtime::SetGlobal(std::string_view name, std::string value) {
  // The global scope has the same size limit as a script's; past it the value is dropped,
  // as a local would be (validation already bounds the names a script can use).
  (void)Store(globals_, base::AsciiToLower(name), std::move(value));
}

std::string Runtime::GetGlobal(std::string_view name) const {
  std::string key = base::AsciiToLower(name);
  for (const auto& [existing, stored] : globals_) {
    if (existing == key) return stored;
  }
  return "";
}

ExecStatus Runtime::RunIncluded(size_t index, bool once) {
  if (unit_ == nullptr || index >= unit_->included().size()) {
    return std::unexpected(ExecError{"included script missing from the program"});
  }
  const bool seen = std::find(included_.begin(), included_.end(), index) != included_.end();
  if (once && seen) return {};
  if (!seen) included_.push_back(index);
  const IncludedScript& script = unit_->included()[index];
  if (include_depth_ >= limits_->max_include_depth) {
    return std::unexpected(ExecError{"includes nest too deep at script '" + script.name + "'"});
  }
  // The included script gets a fresh local scope; the caller's comes back afterwards.
  const Program* caller = program_;
  const bool caller_variables = variables_enabled_;
  VariableStore locals = std::exchange(variables_, {});
  std::vector<std::string> globals = std::exchange(global_names_, {});
  const size_t loops = part_loops_.size();  // a return inside a loop leaves it
  ++include_depth_;
  std::optional<RunError> error = Interpret(*script.program, *this);
  --include_depth_;
  program_ = caller;
  variables_enabled_ = caller_variables;
  variables_ = std::move(locals);
  global_names_ = std::move(globals);
  if (part_loops_.size() > loops) part_loops_.resize(loops);
  return_ = false;
  if (error) {
    return std::unexpected(ExecError{"in included script '" + script.name + "' line " +
                                     std::to_string(error->location.line) + ": " +
                                     error->message});
  }
  return {};
}

std::string Runtime::MatchValue(size_t index) const {
  return index < match_values_.size() ? match_values_[index] : "";
}

std::string Runtime::Expand(std::string_view text) {
  std::string out;
  size_t i = 0;
  while (std::optional<VariableRef> ref = FindVariableRef(text, i)) {
    out.append(text.substr(i, ref->begin - i));
    out += ref->numeric ? MatchValue(ref->index) : GetVariable(ref->name);
    i = ref->end;
  }
  out.append(text.substr(i));
  return out;
}

}  // namespace sieve
