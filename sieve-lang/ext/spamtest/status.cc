// How a checker's header becomes the RFC 5235 normalized result, following Pigeonhole:
//
//   <prefix>_status_header      "Name" or "Name: regexp"; the regexp's first group is the value
//   <prefix>_status_type        "score" (default), "strlen" or "text"
//   <prefix>_score_max_header   same syntax: where the maximum score is (score, strlen)
//   <prefix>_score_max_value    or the maximum score itself (a decimal)
//   <prefix>_text_value/N       for "text": the status text meaning N (0..10, virustest 0..5)
//
// <prefix> is sieve_spamtest or sieve_virustest. The older names <prefix>_max_header,
// <prefix>_max_value and <prefix>_text_valueN are read when the newer ones are unset.
// A score is scaled to the result range by score / max, clamped to 0..1, and truncated (as
// Pigeonhole does): spamtest 1 + 9r, :percent 100r, virustest 1 + 4r. A text value N maps to
// N itself; text value 0 means "not tested".
#include "sieve-lang/ext/spamtest/status.h"

#include <algorithm>
#include <array>
#include <expected>
#include <memory>

#include <re2/re2.h>

#include "base/strings.h"

namespace sieve::spamvirus {
namespace {

enum class StatusType { kScore, kStrlen, kText };

constexpr size_t kMaxTextIndex = 10;  // spamtest's range; virustest's is 0..5

struct HeaderSpec {
  std::string name;
  std::unique_ptr<RE2> regex;  // null: the whole header value is the value
};

struct Config {
  StatusType type = StatusType::kScore;
  HeaderSpec status;
  std::optional<HeaderSpec> max_header;
  double max_value = 0;
  size_t max_text = kMaxTextIndex;
  std::array<std::string, kMaxTextIndex + 1> text;  // empty: unset
};

template <typename T>
using Expected = std::expected<T, std::string>;

std::string_view Prefix(Check check) {
  return check == Check::kSpam ? "sieve_spamtest" : "sieve_virustest";
}

// A setting of `check`, trying `names` in order; an empty value counts as unset.
std::optional<std::string> Get(const Host& host, Check check,
                               std::initializer_list<std::string_view> names) {
  for (std::string_view name : names) {
    std::string key = std::string(Prefix(check)) + std::string(name);
    if (std::optional<std::string> value = host.Setting(key); value && !value->empty()) {
      return value;
    }
  }
  return std::nullopt;
}

// RFC 5322 §3.6.8: field-name = 1*ftext (printable US-ASCII except ':').
bool IsFieldName(std::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(),
                                      [](char c) { return c >= 33 && c <= 126 && c != ':'; });
}

// "Name" or "Name: regexp" (POSIX extended syntax through RE2, leftmost-longest).
Expected<HeaderSpec> ParseHeaderSpec(std::string_view text) {
  text = base::TrimWhitespace(text);
  size_t end = text.find_first_of(": \t");
  HeaderSpec spec{.name = std::string(text.substr(0, end))};
  if (!IsFieldName(spec.name)) return std::unexpected("invalid header name '" + spec.name + "'");
  if (end == std::string_view::npos) return spec;
  std::string_view rest = base::TrimWhitespace(text.substr(end));
  if (rest.empty() || rest.front() != ':')
    return std::unexpected("expecting ':' after header name");
  std::string_view pattern = base::TrimWhitespace(rest.substr(1));
  RE2::Options options;
  options.set_posix_syntax(true);
  options.set_longest_match(true);
  options.set_log_errors(false);
  spec.regex = std::make_unique<RE2>(pattern, options);
  if (!spec.regex->ok()) return std::unexpected("invalid regexp: " + spec.regex->error());
  if (spec.regex->NumberOfCapturingGroups() < 1) {
    return std::unexpected("regexp '" + std::string(pattern) + "' has no group for the value");
  }
  return spec;
}

Expected<Config> LoadConfig(Check check, const Host& host) {
  Config config;
  std::optional<std::string> status = Get(host, check, {"_status_header"});
  if (!status) return std::unexpected(std::string(Prefix(check)) + "_status_header is not set");
  Expected<HeaderSpec> spec = ParseHeaderSpec(*status);
  if (!spec) return std::unexpected("status header: " + spec.error());
  config.status = std::move(*spec);
  std::string type = Get(host, check, {"_status_type"}).value_or("score");
  if (type == "text") {
    config.type = StatusType::kText;
    config.max_text = check == Check::kSpam ? 10 : 5;  // RFC 5235 §3.2.1, §3.3
    for (size_t i = 0; i <= config.max_text; ++i) {
      std::string n = std::to_string(i);
      config.text[i] = Get(host, check, {"_text_value/" + n, "_text_value" + n}).value_or("");
    }
    return config;
  }
  if (type != "score" && type != "strlen") return std::unexpected("invalid status type " + type);
  config.type = type == "score" ? StatusType::kScore : StatusType::kStrlen;
  if (auto max = Get(host, check, {"_score_max_header", "_max_header"})) {
    Expected<HeaderSpec> max_spec = ParseHeaderSpec(*max);
    if (!max_spec) return std::unexpected("max header: " + max_spec.error());
    config.max_header = std::move(*max_spec);
  } else if (auto value = Get(host, check, {"_score_max_value", "_max_value"})) {
    std::optional<double> parsed = ParseDecimal(*value);
    if (!parsed || *parsed <= 0) return std::unexpected("invalid max value '" + *value + "'");
    config.max_value = *parsed;
  } else {
    return std::unexpected("neither a max header nor a max value is set");
  }
  return config;
}

// The value `spec` selects in the message: the first field, or its regexp's first group.
Expected<std::string> Extract(const HeaderSpec& spec, const HeaderLookup& headers) {
  std::optional<std::string> value = headers(spec.name);
  if (!value) return std::unexpected("header '" + spec.name + "' not found in message");
  if (spec.regex == nullptr) return std::move(*value);
  std::array<re2::StringPiece, 2> groups;
  bool matched = spec.regex->Match(*value, 0, value->size(), RE2::UNANCHORED, groups.data(), 2);
  if (!matched || groups[1].data() == nullptr) {
    return std::unexpected("regexp for header '" + spec.name + "' did not match '" + *value + "'");
  }
  return std::string(groups[1].data(), groups[1].size());
}

Expected<double> MaxScore(const Config& config, const HeaderLookup& headers) {
  if (!config.max_header) return config.max_value;
  Expected<std::string> text = Extract(*config.max_header, headers);
  if (!text) return std::unexpected(text.error());
  std::optional<double> max = ParseDecimal(*text);
  if (!max || *max <= 0) return std::unexpected("invalid max score '" + *text + "'");
  return *max;
}

// Where the message lies between clean (0) and certain (1); an error means "not tested".
Expected<double> Ratio(const Config& config, const HeaderLookup& headers) {
  Expected<std::string> status = Extract(config.status, headers);
  if (!status) return std::unexpected(status.error());
  if (config.type == StatusType::kText) {
    auto it = std::find(config.text.begin(), config.text.begin() + config.max_text + 1, *status);
    size_t index = static_cast<size_t>(it - config.text.begin());
    if (index > config.max_text) return std::unexpected("no text value is '" + *status + "'");
    if (index == 0) return std::unexpected("status text means 'not tested'");
    return static_cast<double>(index - 1) / static_cast<double>(config.max_text - 1);
  }
  Expected<double> max = MaxScore(config, headers);
  if (!max) return std::unexpected(max.error());
  double score = static_cast<double>(status->size());
  if (config.type == StatusType::kScore) {
    std::optional<double> parsed = ParseDecimal(*status);
    if (!parsed) return std::unexpected("invalid score '" + *status + "'");
    score = *parsed;
  }
  return std::clamp(score / *max, 0.0, 1.0);
}

// The result range of RFC 5235 §3.2.1 (1..10, 0 being "not tested"), §3.2.2 (0..100) and
// §3.3 (1..5). Truncated like Pigeonhole; the epsilon absorbs binary rounding (4.0/5*9).
std::string Scale(Check check, bool percent, double ratio) {
  int low = percent ? 0 : 1;
  int high = percent ? 100 : (check == Check::kSpam ? 10 : 5);
  return std::to_string(low + static_cast<int>(ratio * (high - low) + 0.001));
}

}  // namespace

std::optional<double> ParseDecimal(std::string_view text) {
  size_t pos = 0;
  double sign = 1;
  if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
    if (text[pos] == '-') sign = -1;
    ++pos;
  }
  auto digits = [&](double& value, double scale) {
    size_t start = pos;
    while (pos < text.size() && base::IsAsciiDigit(text[pos])) {
      double digit = text[pos] - '0';
      value = scale == 0 ? value * 10 + digit : value + digit * scale;
      scale /= 10;
      ++pos;
    }
    return pos - start;
  };
  double value = 0;
  size_t whole = digits(value, 0);
  size_t fraction = 0;
  if (pos < text.size() && (text[pos] == '.' || text[pos] == ',')) {
    ++pos;
    fraction = digits(value, 0.1);
  }
  if (pos != text.size() || whole + fraction == 0) return std::nullopt;
  if (whole > kMaxDecimalDigits || fraction > kMaxDecimalDigits) return std::nullopt;
  return sign * value;
}

Verdict Classify(Check check, bool percent, const Host& host, const HeaderLookup& headers) {
  Expected<Config> config = LoadConfig(check, host);
  if (!config) return {.value = std::nullopt, .reason = "not configured: " + config.error()};
  Expected<double> ratio = Ratio(*config, headers);
  if (!ratio) return {.value = std::nullopt, .reason = ratio.error()};
  return {.value = Scale(check, percent, *ratio), .reason = {}};
}

}  // namespace sieve::spamvirus
