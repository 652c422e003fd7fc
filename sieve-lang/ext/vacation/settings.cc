#include "sieve-lang/ext/vacation/settings.h"

#include "base/duration.h"
#include "base/strings.h"

namespace sieve::ext {
namespace {

void ReadPeriod(const Host& host, std::string_view key, std::chrono::seconds& out) {
  std::optional<std::string> value = host.Setting(key);
  if (!value) return;
  if (std::optional<std::chrono::milliseconds> d = base::ParseDuration(*value)) {
    out = std::chrono::duration_cast<std::chrono::seconds>(*d);
  }
}

void ReadBool(const Host& host, std::string_view key, bool& out) {
  std::optional<std::string> value = host.Setting(key);
  if (!value) return;
  std::string v = base::AsciiToLower(base::TrimWhitespace(*value));
  if (v == "yes" || v == "true") out = true;
  if (v == "no" || v == "false") out = false;
}

}  // namespace

VacationSettings ReadVacationSettings(const Host& host) {
  VacationSettings s;
  ReadPeriod(host, "sieve_vacation_min_period", s.min_period);
  ReadPeriod(host, "sieve_vacation_max_period", s.max_period);
  ReadPeriod(host, "sieve_vacation_default_period", s.default_period);
  if (s.max_period.count() != 0 && s.max_period < s.min_period) s.max_period = s.min_period;
  s.default_subject = host.Setting("sieve_vacation_default_subject").value_or("");
  s.default_subject_template = host.Setting("sieve_vacation_default_subject_template").value_or("");
  ReadBool(host, "sieve_vacation_use_original_recipient", s.use_original_recipient);
  bool dont_check = false;
  ReadBool(host, "sieve_vacation_dont_check_recipient", dont_check);
  s.check_recipient = !dont_check;
  ReadBool(host, "sieve_vacation_check_recipient", s.check_recipient);
  ReadBool(host, "sieve_vacation_send_from_recipient", s.send_from_recipient);
  ReadBool(host, "sieve_vacation_to_header_ignore_envelope", s.to_header_ignore_envelope);
  if (auto cps = host.Setting("sieve_vacation_max_subject_codepoints")) {
    if (auto n = base::ParseUint64(base::TrimWhitespace(*cps))) s.max_subject_codepoints = *n;
  }
  if (auto email = host.Setting("sieve_user_email")) {
    std::string trimmed(base::TrimWhitespace(*email));
    if (!trimmed.empty()) s.user_email = trimmed;
  }
  return s;
}

std::chrono::seconds ReplyPeriod(const VacationSettings& settings,
                                 std::optional<std::chrono::seconds> requested) {
  std::chrono::seconds period = requested.value_or(settings.default_period);
  // RFC 5230 §4.1: a site may impose a minimum (and maximum) and use it instead.
  if (period < settings.min_period) period = settings.min_period;
  if (settings.max_period.count() != 0 && period > settings.max_period) {
    period = settings.max_period;
  }
  return period;
}

}  // namespace sieve::ext
