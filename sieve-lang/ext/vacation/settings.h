// The vacation settings an embedder may set (Pigeonhole's names, read through Host::Setting
// each time a vacation command runs). Invalid values fall back to the defaults, as Pigeonhole
// warns and does.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "sieve-lang/host.h"

namespace sieve::ext {

struct VacationSettings {
  std::chrono::seconds min_period{86400};       // sieve_vacation_min_period
  std::chrono::seconds max_period{0};           // sieve_vacation_max_period; 0: no limit
  std::chrono::seconds default_period{7 * 86400};  // sieve_vacation_default_period
  std::string default_subject;                  // sieve_vacation_default_subject
  std::string default_subject_template;         // ..._default_subject_template (%{subject}, %$)
  bool use_original_recipient = false;          // sieve_vacation_use_original_recipient
  // sieve_vacation_dont_check_recipient (2.3) / sieve_vacation_check_recipient (2.4, inverted)
  bool check_recipient = true;
  bool send_from_recipient = false;             // sieve_vacation_send_from_recipient
  bool to_header_ignore_envelope = false;       // sieve_vacation_to_header_ignore_envelope
  size_t max_subject_codepoints = 256;          // sieve_vacation_max_subject_codepoints
  std::optional<std::string> user_email;        // sieve_user_email
};

VacationSettings ReadVacationSettings(const Host& host);

// The period between replies to one sender: `requested` (from :days or :seconds; nullopt:
// neither was given) within the configured bounds (RFC 5230 §4.1, RFC 6131 §2).
std::chrono::seconds ReplyPeriod(const VacationSettings& settings,
                                 std::optional<std::chrono::seconds> requested);

}  // namespace sieve::ext
