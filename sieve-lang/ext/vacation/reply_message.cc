// The vacation reply message (RFC 5230 §5, RFC 3834 §3), laid out as Pigeonhole writes it.
#include <array>
#include <cstdio>
#include <functional>

#include "base/strings.h"
#include "mail/address.h"
#include "mail/date.h"
#include "mail/encoded_words.h"
#include "sieve-lang/ext/vacation/reply.h"

namespace sieve::ext {
namespace {

// Header values never carry line breaks of their own (a :subject with a newline must not
// start a new field).
std::string OneLine(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) out += (c == '\r' || c == '\n' || c == '\t') ? ' ' : c;
  return out;
}

// "Name: value" folded at spaces so that lines stay near 78 characters (RFC 5322 §2.2.3).
void AppendField(std::string& out, std::string_view name, std::string_view value) {
  std::string line = std::string(name) + ": ";
  size_t line_length = line.size();
  size_t pos = 0;
  while (pos < value.size()) {
    size_t space = value.find(' ', pos + 1);
    if (space == std::string_view::npos) space = value.size();
    std::string_view piece = value.substr(pos, space - pos);
    if (pos > 0 && line_length + piece.size() > 78 && piece.size() > 1) {
      line += "\r\n";  // the piece starts with its space: that is the folding white space
      line_length = 0;
    }
    line += piece;
    line_length += piece.size();
    pos = space;
  }
  out += line + "\r\n";
}

std::string QuotedPhrase(std::string_view name) {
  if (name.empty()) return "";
  for (char c : name) {
    if (static_cast<unsigned char>(c) >= 0x80) return mail::EncodeEncodedWords(name) + " ";
  }
  std::string out = "\"";
  for (char c : name) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\" ";
}

// RFC 5230 §5.1 (Pigeonhole): the reply goes to the envelope sender, written with its display
// name when the Sender, Resent-From or From field has that address; with
// sieve_vacation_to_header_ignore_envelope the first address of those fields is used.
std::string ReplyTo(const mail::Message& message, const Envelope& envelope,
                    const VacationSettings& settings) {
  for (std::string_view header : {"sender", "resent-from", "from"}) {
    for (std::string_view value : message.headers().GetAll(header)) {
      for (const mail::Address& a : mail::ParseAddressList(value).addresses) {
        if (settings.to_header_ignore_envelope ||
            base::EqualsIgnoreCase(a.AddrSpec(), envelope.from)) {
          return QuotedPhrase(OneLine(a.display_name)) + "<" + a.AddrSpec() + ">";
        }
      }
    }
  }
  return "<" + envelope.from + ">";
}

std::string MessageId(const ReplyContext& ctx, std::string_view seed) {
  auto secs = std::chrono::duration_cast<std::chrono::seconds>(ctx.now.time_since_epoch());
  char buf[64];
  std::snprintf(buf, sizeof buf, "%llx.%zx", static_cast<unsigned long long>(secs.count()),
                std::hash<std::string_view>{}(seed));
  return "<" + std::string(buf) + ".vacation@" +
         (ctx.host_name.empty() ? std::string("localhost") : ctx.host_name) + ">";
}

// The body lines with CRLF ends.
std::string CrlfText(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' && (i == 0 || text[i - 1] != '\r')) out += '\r';
    out += text[i];
  }
  if (!out.ends_with("\r\n")) out += "\r\n";
  return out;
}

void AppendThreading(std::string& out, const mail::Message& message) {
  // RFC 5230 §5.8: In-Reply-To and References as RFC 5322 §3.6.4 builds them for a reply.
  std::string id(base::TrimWhitespace(message.headers().GetFirst("message-id")));
  if (id.empty()) return;
  AppendField(out, "In-Reply-To", OneLine(id));
  std::string refs(base::TrimWhitespace(message.headers().GetFirst("references")));
  if (refs.empty()) {
    std::string in_reply_to(base::TrimWhitespace(message.headers().GetFirst("in-reply-to")));
    refs = in_reply_to.find(' ') == std::string::npos ? in_reply_to : "";
  }
  AppendField(out, "References", OneLine(refs.empty() ? id : refs + " " + id));
}

}  // namespace

std::string TruncateCodepoints(std::string_view text, size_t max) {
  size_t count = 0;
  size_t cut = std::string_view::npos;  // where the (max-1)th code point ends
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xc0) == 0x80) continue;
    if (count == max - 1) cut = i;
    if (++count > max) return std::string(text.substr(0, cut)) + "\xe2\x80\xa6";  // "…"
  }
  return std::string(text);
}

std::string DefaultSubject(std::string_view original_subject, const VacationSettings& settings) {
  if (original_subject.empty()) {
    return settings.default_subject.empty() ? "Automated reply" : settings.default_subject;
  }
  std::string subject = settings.default_subject_template.empty()
                            ? "Auto: %{subject}"
                            : settings.default_subject_template;
  for (std::string_view var : {"%{subject}", "%$"}) {
    size_t at = subject.find(var);
    if (at != std::string::npos) subject.replace(at, var.size(), original_subject);
  }
  return subject;
}

std::string BuildVacationReply(const ReplyContext& ctx, const VacationRequest& request,
                               const VacationSettings& settings) {
  const mail::Message& message = *ctx.message;
  std::string subject = request.subject && !request.subject->empty()
                            ? *request.subject
                            : DefaultSubject(ctx.original_subject, settings);
  if (settings.max_subject_codepoints > 0) {
    subject = TruncateCodepoints(subject, settings.max_subject_codepoints);
  }
  std::string out;
  AppendField(out, "X-Sieve", "Roost Sieve");
  AppendField(out, "Message-ID", MessageId(ctx, request.reason + ctx.envelope->from));
  AppendField(out, "Date", mail::FormatDateTime(ctx.now));
  std::string from = request.from && !request.from->empty() ? OneLine(*request.from)
                                                            : "<" + ctx.own_address + ">";
  AppendField(out, "From", mail::EncodeEncodedWords(from));
  AppendField(out, "To", ReplyTo(message, *ctx.envelope, settings));
  // RFC 5230 §5.2: a subject with non-ASCII text is sent RFC 2047-encoded.
  AppendField(out, "Subject", mail::EncodeEncodedWords(OneLine(subject)));
  AppendThreading(out, message);
  // RFC 3834 §3.1.7, §3.1.8: mark the reply as automatic so that it is not answered in turn.
  AppendField(out, "Auto-Submitted", "auto-replied (vacation)");
  AppendField(out, "Precedence", "bulk");
  AppendField(out, "X-Auto-Response-Suppress", "All");
  AppendField(out, "MIME-Version", "1.0");
  if (request.mime) {
    // RFC 5230 §4.7: with :mime the reason is a MIME entity, its own header included.
    out += CrlfText(request.reason);
    return out;
  }
  AppendField(out, "Content-Type", "text/plain; charset=utf-8");
  AppendField(out, "Content-Transfer-Encoding", "8bit");
  out += "\r\n" + CrlfText(request.reason);
  return out;
}

}  // namespace sieve::ext
