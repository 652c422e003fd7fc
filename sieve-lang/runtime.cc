#include "sieve-lang/runtime.h"

#include <algorithm>

#include "base/strings.h"
#include "sieve-lang/variable_ref.h"
#include "mail/encoded_words.h"

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
  return result_.Add(std::move(action));
}

void Runtime::Rebind(const mail::Message& message, const Envelope& envelope) {
  message_ = &message;
  envelope_ = &envelope;
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

const std::vector<std::string>& Runtime::AddressPartValues(std::string_view name,
                                                          const AddressPart& part) {
  if (const auto* hit = FindCached(name, &part)) return *hit;
  std::vector<std::string> values;
  for (std::string_view raw : message_->headers().GetAll(name)) {
    mail::AddressList list = mail::ParseAddressList(raw);
    for (const mail::Address& address : list.addresses) {
      if (auto v = part.Extract(address, host_)) values.push_back(std::move(*v));
    }
    if (part.name() == "all") {
      for (std::string& bad : list.invalid) values.push_back(std::move(bad));
      // An empty field is an empty (invalid) address: `:all :is ""` matches it.
      if (list.addresses.empty() && list.invalid.empty() && base::TrimWhitespace(raw).empty()) {
        values.emplace_back();
      }
    }
  }
  cache_.push_back({std::string(name), &part, std::move(values)});
  return cache_.back().values;
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
      bool hit = ops.match_type->Match(*ops.comparator, value, key, ops.match_param,
                                       variables_enabled_ && sets_match_values ? &captures
                                                                               : nullptr);
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
  return false;
}

ExecStatus Runtime::SetVariable(std::string_view name, std::string value) {
  if (limits_.max_variable_size != 0 && value.size() > limits_.max_variable_size) {
    // Truncate on a UTF-8 character boundary, as Pigeonhole does.
    size_t cut = limits_.max_variable_size;
    while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xc0) == 0x80) --cut;
    value.resize(cut);
  }
  std::string key = base::AsciiToLower(name);
  for (auto& [existing, stored] : variables_) {
    if (existing == key) {
      stored = std::move(value);
      return {};
    }
  }
  if (limits_.max_variables != 0 && variables_.size() >= limits_.max_variables) {
    return std::unexpected(ExecError{"too many variables (more than " +
                                     std::to_string(limits_.max_variables) + ")"});
  }
  variables_.emplace_back(std::move(key), std::move(value));
  return {};
}

std::string Runtime::GetVariable(std::string_view name) {
  size_t dot = name.rfind('.');
  if (dot != std::string_view::npos && program_ != nullptr) {
    std::string_view ns = name.substr(0, dot);
    for (const Extension* ext : program_->extensions()) {
      if (ext->variable_namespace.empty() || !base::EqualsIgnoreCase(ext->variable_namespace, ns)) {
        continue;
      }
      return ext->read_namespace_variable(*this, name.substr(dot + 1)).value_or("");
    }
    return "";
  }
  std::string key = base::AsciiToLower(name);
  for (const auto& [existing, stored] : variables_) {
    if (existing == key) return stored;
  }
  return "";
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
