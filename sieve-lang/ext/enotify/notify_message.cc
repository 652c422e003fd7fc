// RFC 5436 §2.7: composing the notification message of the mailto method.
#include <algorithm>

#include "base/strings.h"
#include "mail/encoded_words.h"
#include "sieve-lang/ext/enotify/mailto.h"

namespace sieve::ext {
namespace {

// At most `max` characters, the last one an ellipsis when cut (Dovecot's
// str_sanitize_utf8); control characters become spaces so the field stays one field.
std::string SanitizeSubject(std::string_view text, size_t max) {
  std::string out;
  size_t chars = 0;
  size_t total = 0;
  for (char c : text) total += (static_cast<unsigned char>(c) & 0xc0) != 0x80;
  for (size_t i = 0; i < text.size(); ++i) {
    auto u = static_cast<unsigned char>(text[i]);
    bool lead = (u & 0xc0) != 0x80;
    if (lead && total > max && chars + 1 >= max) break;
    if (lead) ++chars;
    out += u < 0x20 || u == 0x7f ? ' ' : text[i];
  }
  if (total > max) out += "\xe2\x80\xa6";  // U+2026
  return out;
}

std::string JoinRecipients(const MailtoUri& uri, bool cc) {
  std::string out;
  for (const MailtoRecipient& r : uri.recipients) {
    if (r.cc != cc) continue;
    if (!out.empty()) out += ", ";
    out += r.full;
  }
  return out;
}

constexpr std::string_view kPriority[] = {"1 (Highest)", "3 (Normal)", "5 (Lowest)"};
constexpr std::string_view kImportance[] = {"High", "Normal", "Low"};

}  // namespace

bool IsAutoSubmitted(const mail::Message& message) {
  for (std::string_view value : message.headers().GetAll("auto-submitted")) {
    std::string_view v = base::TrimWhitespace(value);
    v = v.substr(0, v.find(';'));
    if (!base::EqualsIgnoreCase(base::TrimWhitespace(v), "no")) return true;
  }
  return false;
}

std::string ComposeNotification(const MailtoUri& uri, const NotifyParams& params,
                                const mail::Message& original) {
  // Subject: :message, else the URI's subject, else the triggering message's.
  std::string subject;
  if (params.message) {
    subject = *params.message;
  } else if (uri.subject) {
    subject = *uri.subject;
  } else {
    std::vector<std::string_view> subjects = original.headers().GetAll("subject");
    subject = "Notification: " + (subjects.empty() ? std::string("(no subject)")
                                                  : mail::DecodeEncodedWords(subjects.front()));
  }
  subject = SanitizeSubject(subject, kMailtoMaxSubject);
  int importance = std::clamp(params.importance, 1, 3);
  std::string msg;
  msg += "X-Sieve: Roost Sieve\r\n";
  msg += "From: " + params.from.value_or(params.from_default) + "\r\n";
  if (std::string to = JoinRecipients(uri, false); !to.empty()) msg += "To: " + to + "\r\n";
  if (std::string cc = JoinRecipients(uri, true); !cc.empty()) msg += "Cc: " + cc + "\r\n";
  msg += "Subject: " + mail::EncodeEncodedWords(subject) + "\r\n";
  // RFC 5436 §2.7.1: REQUIRED, naming the user the notification is for.
  msg += "Auto-Submitted: auto-notified";
  if (!params.owner.empty()) msg += "; owner-email=\"" + params.owner + "\"";
  msg += "\r\n";
  msg += "Precedence: bulk\r\n";
  msg += "X-Priority: " + std::string(kPriority[importance - 1]) + "\r\n";
  msg += "Importance: " + std::string(kImportance[importance - 1]) + "\r\n";
  for (const auto& [name, value] : uri.headers) {
    msg += name + ": " + mail::EncodeEncodedWords(value) + "\r\n";
  }
  msg += "MIME-Version: 1.0\r\n";
  msg += "Content-Type: text/plain; charset=utf-8\r\n";
  msg += "Content-Transfer-Encoding: 8bit\r\n\r\n";
  msg += uri.body ? *uri.body : "Notification of new message.";
  msg += "\r\n";
  return msg;
}

}  // namespace sieve::ext
