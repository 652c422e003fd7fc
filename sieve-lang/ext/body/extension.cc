// body (RFC 5173): the `body` test matches keys against the message body. :raw is the body
// as transmitted; :content TYPES the decoded text of every MIME leaf part whose type matches
// ("" any, "text" any text/*, "text/html" exactly), multipart containers being searched
// through; :text (the default) the text/* and XHTML parts in UTF-8 with markup stripped,
// skipping parts with an unknown transfer encoding. Each part
// is one value. Values are extracted once per execution. Status: complete except that
// `:content "multipart"` does not match the prologue and epilogue of multiparts.
#include "base/strings.h"
#include "mail/html_text.h"
#include "mail/message.h"
#include "sieve-lang/ext/builtin.h"
#include "sieve-lang/runtime.h"

namespace sieve {
namespace {

bool TypeMatches(const mail::MimePart& part, const std::vector<std::string>& types) {
  for (const std::string& spec : types) {
    if (spec.empty()) return true;
    if (spec.find('/') == std::string::npos) {
      if (base::EqualsIgnoreCase(part.type(), spec)) return true;
    } else if (base::EqualsIgnoreCase(part.content_type(), spec)) {
      return true;
    }
  }
  return false;
}

// A part whose Content-Transfer-Encoding is unknown cannot be decoded: it has no text.
bool Decodable(const mail::MimePart& part) {
  for (std::string_view cte : part.headers().GetAll("content-transfer-encoding")) {
    std::string lower = base::AsciiToLower(base::TrimWhitespace(cte));
    if (lower != "7bit" && lower != "8bit" && lower != "binary" && lower != "base64" &&
        lower != "quoted-printable") {
      return false;
    }
  }
  return true;
}

// A Content-Type field that is there but malformed ("text/plain/stupid") makes the part's
// type unknown: it is not text, whatever default RFC 2045 §5.2 would give a missing one.
bool HasValidType(const mail::MimePart& part) {
  for (std::string_view value : part.headers().GetAll("content-type")) {
    std::string_view type = base::TrimWhitespace(value.substr(0, value.find(';')));
    size_t slash = type.find('/');
    if (slash == std::string_view::npos || slash == 0 || slash + 1 == type.size() ||
        type.find('/', slash + 1) != std::string_view::npos) {
      return false;
    }
  }
  return true;
}

void Collect(const mail::MimePart& part, const std::vector<std::string>* types,
             std::vector<std::string>& values) {
  if (part.is_multipart() || part.content_type() == "message/rfc822") {
    for (const auto& child : part.children()) Collect(*child, types, values);
    return;
  }
  if (!Decodable(part) || !HasValidType(part)) return;
  if (types != nullptr) {  // :content
    if (TypeMatches(part, *types)) {
      values.push_back(part.type() == "text" ? part.TextBody() : part.DecodedBody());
    }
  } else if (part.type() == "text" || mail::IsHtmlPart(part)) {  // :text
    values.push_back(mail::IsHtmlPart(part) ? mail::HtmlToText(part.TextBody())
                                            : part.TextBody());
  }
}

bool HasBody(const mail::Message& message) {
  std::string_view bytes = message.bytes();
  return !message.body().empty() || bytes.find("\n\n") != std::string_view::npos ||
         bytes.find("\n\r\n") != std::string_view::npos;
}

const std::vector<std::string>& BodyValues(Runtime& rt, const Operands& ops) {
  if (ops.HasTag("raw")) {
    return rt.Memoized("body:raw", nullptr, [&] {
      return std::vector<std::string>{std::string(rt.message().body())};
    });
  }
  if (const TagValue* content = ops.FindTag("content")) {
    std::string key = "body:content";
    for (const std::string& type : content->value->strings) key += ":" + type;
    return rt.Memoized(key, nullptr, [&] {
      std::vector<std::string> values;
      Collect(rt.message().mime_root(), &content->value->strings, values);
      return values;
    });
  }
  return rt.Memoized("body:text", nullptr, [&] {
    std::vector<std::string> values;
    Collect(rt.message().mime_root(), nullptr, values);
    return values;
  });
}

const CommandDef& BodyTest() {
  static const CommandDef def{
      .name = "body",
      .kind = CommandKind::kTest,
      .signature = {.positional = {{"key list", ArgType::kStringList}},
                    .tags = {{"raw", std::nullopt, {}, 1},
                             {"content", ArgType::kStringList, "content types", 1},
                             {"text", std::nullopt, {}, 1}},
                    .match_tags = true},
      .evaluate = [](Runtime& rt, const Operands& ops) -> TestOutcome {
        // RFC 5173 §6: a header-only message (no empty line) has no body at all, so every
        // body test is false, even for "". Match variables stay as they were.
        if (!HasBody(rt.message())) return false;
        return rt.MatchAny(ops, BodyValues(rt, ops), ops.positional[0].strings,
                           /*sets_match_values=*/false);
      },
  };
  return def;
}

}  // namespace

const Extension& BodyExtension() {
  static const Extension ext{.name = "body", .commands = {&BodyTest()}};
  return ext;
}

}  // namespace sieve
