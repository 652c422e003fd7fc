#include "mail/address.h"

#include <span>

#include "base/strings.h"
#include "mail/encoded_words.h"
#include "mail/internal/address_lexer.h"

namespace mail {
namespace {

using internal::AddressToken;
using Tokens = std::span<const AddressToken>;

bool IsDotAtom(std::string_view s) {
  if (s.empty() || s.front() == '.' || s.back() == '.') return false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '.' ? s[i - 1] == '.' : !internal::IsAtext(s[i])) return false;
  }
  return true;
}

// Splits a header value into its entries (RFC 5322 §3.4 address-list), dropping group names:
// "Friends: a@b, c@d;" yields "a@b" and "c@d". Quoted strings, comments, angle brackets and
// domain literals hide separators. Empty entries (obs-addr-list) are dropped.
std::vector<std::string_view> SplitEntries(std::string_view value) {
  std::vector<std::string_view> entries;
  size_t start = 0;
  int comment = 0;
  char closer = 0;  // '"', '>' or ']' while inside such a construct
  bool in_group = false;
  auto finish = [&](size_t end) {
    std::string_view entry = base::TrimWhitespace(value.substr(start, end - start));
    if (!entry.empty()) entries.push_back(entry);
    start = end + 1;
  };
  for (size_t i = 0; i < value.size(); ++i) {
    char c = value[i];
    if (c == '\\' && (comment > 0 || closer == '"')) {
      ++i;  // quoted-pair
    } else if (comment > 0) {
      comment += c == '(' ? 1 : c == ')' ? -1 : 0;
    } else if (closer != 0) {
      if (c == closer) closer = 0;
    } else if (c == '(') {
      comment = 1;
    } else if (c == '"' || c == '<' || c == '[') {
      closer = c == '"' ? '"' : c == '<' ? '>' : ']';
    } else if (c == ',') {
      finish(i);
    } else if (c == ';') {  // ends a group; outside one it is a common typo for ','
      finish(i);
      in_group = false;
    } else if (c == ':' && !in_group) {  // §3.4 group: display-name ":" [group-list] ";"
      start = i + 1;
      in_group = true;
    }
  }
  finish(value.size());
  return entries;
}

// Display name from phrase tokens (words and obs-phrase dots), one space where the source had
// CFWS, then RFC 2047 words decoded.
std::optional<std::string> ParsePhrase(Tokens tokens) {
  std::string phrase;
  for (const AddressToken& token : tokens) {
    if (!token.IsWord() && !token.Is('.')) return std::nullopt;
    if (token.space_before && !phrase.empty()) phrase.push_back(' ');
    phrase += token.text;
  }
  return DecodeEncodedWords(phrase);
}

// RFC 5322 §3.4.1 addr-spec, with obs-local-part / obs-domain CFWS already gone. A bare local
// part (no '@') is accepted with an empty domain.
std::optional<Address> ParseAddrSpec(Tokens tokens) {
  Address address;
  size_t i = 0;
  bool has_word = false;
  bool last_was_word = false;  // "John Smith" is a phrase, not a local part
  for (; i < tokens.size() && (tokens[i].IsWord() || tokens[i].Is('.')); ++i) {
    if (tokens[i].IsWord() && last_was_word) return std::nullopt;
    last_was_word = tokens[i].IsWord();
    has_word = has_word || last_was_word;
    address.local_part += tokens[i].text;
  }
  if (!has_word) return std::nullopt;
  if (i == tokens.size()) return address;
  if (!tokens[i].Is('@') || ++i == tokens.size()) return std::nullopt;
  if (tokens[i].kind == AddressToken::Kind::kLiteral) {
    address.domain = tokens[i].text;
    return i + 1 == tokens.size() ? std::optional(address) : std::nullopt;
  }
  for (bool want_atom = true; i < tokens.size(); ++i, want_atom = !want_atom) {
    bool ok = want_atom ? tokens[i].kind == AddressToken::Kind::kAtom : tokens[i].Is('.');
    if (!ok) return std::nullopt;
    address.domain += tokens[i].text;
  }
  if (address.domain.back() == '.') return std::nullopt;
  return address;
}

// RFC 5322 §3.4 name-addr: [display-name] "<" [obs-route] addr-spec ">".
std::optional<Address> ParseNameAddr(Tokens tokens, size_t open) {
  size_t close = open + 1;
  while (close < tokens.size() && !tokens[close].Is('>')) ++close;
  if (close + 1 != tokens.size()) return std::nullopt;  // no '>' or text after it
  size_t spec = open + 1;
  if (spec < close && tokens[spec].Is('@')) {  // §4.4 obs-route: ignored
    while (spec < close && !tokens[spec].Is(':')) ++spec;
    if (spec == close) return std::nullopt;
    ++spec;
  }
  std::optional<Address> address = ParseAddrSpec(tokens.subspan(spec, close - spec));
  std::optional<std::string> name = ParsePhrase(tokens.first(open));
  if (!address || !name) return std::nullopt;
  address->display_name = std::move(*name);
  return address;
}

// One entry's mailbox: name-addr or addr-spec (RFC 5322 §3.4).
std::optional<Address> ParseMailbox(const internal::AddressTokens& lexed) {
  if (!lexed.ok) return std::nullopt;
  Tokens tokens(lexed.tokens);
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].Is('<')) return ParseNameAddr(tokens, i);
  }
  std::optional<Address> address = ParseAddrSpec(tokens);
  // "user@host (Real Name)": the old convention puts the name in a trailing comment.
  if (address) address->display_name = DecodeEncodedWords(lexed.last_comment);
  return address;
}

// SMTP (RFC 5321 §4.1.2) Local-part: Dot-string or Quoted-string; returns the position after it.
size_t ParseSmtpLocalPart(std::string_view s, std::string& out) {
  if (!s.empty() && s[0] == '"') {
    for (size_t i = 1; i < s.size(); ++i) {
      if (s[i] == '\\' && i + 1 < s.size()) {
        out.push_back(s[++i]);
      } else if (s[i] == '"') {
        return i + 1;
      } else {
        out.push_back(s[i]);
      }
    }
    return std::string_view::npos;
  }
  size_t i = 0;
  while (i < s.size() && (internal::IsAtext(s[i]) || s[i] == '.')) ++i;
  out.assign(s.substr(0, i));
  return IsDotAtom(out) ? i : std::string_view::npos;
}

}  // namespace

std::string Address::AddrSpec() const {
  std::string spec;
  if (IsDotAtom(local_part) || local_part.empty()) {
    spec = local_part;
  } else {  // RFC 5322 §3.2.4: quoted-string with '"' and '\' escaped
    spec.push_back('"');
    for (char c : local_part) {
      if (c == '"' || c == '\\') spec.push_back('\\');
      spec.push_back(c);
    }
    spec.push_back('"');
  }
  if (!domain.empty()) spec += "@" + domain;
  return spec;
}

AddressList ParseAddressList(std::string_view value) {
  AddressList list;
  for (std::string_view entry : SplitEntries(value)) {
    internal::AddressTokens lexed = internal::TokenizeAddress(entry);
    if (lexed.ok && lexed.tokens.empty()) continue;  // only comments, e.g. "(nobody)"
    std::optional<Address> address = ParseMailbox(lexed);
    if (address) {
      list.addresses.push_back(std::move(*address));
    } else {
      list.invalid.emplace_back(entry);
    }
  }
  return list;
}

std::optional<Address> ParseEnvelopePath(std::string_view path) {
  path = base::TrimWhitespace(path);
  if (path.starts_with('<')) {
    if (path.size() < 2 || !path.ends_with('>')) return std::nullopt;
    path = path.substr(1, path.size() - 2);
    if (path.empty()) return Address{};  // RFC 5321 §4.5.5 null reverse-path
  }
  if (path.starts_with('@')) {  // RFC 5321 §4.1.2 A-d-l source route: ignored
    size_t colon = path.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    path.remove_prefix(colon + 1);
  }
  Address address;
  size_t at = ParseSmtpLocalPart(path, address.local_part);
  if (at == std::string_view::npos || address.local_part.empty()) return std::nullopt;
  if (at == path.size()) return address;  // bare local part, e.g. "<postmaster>"
  if (path[at] != '@') return std::nullopt;
  std::string_view domain = path.substr(at + 1);
  bool literal = domain.starts_with('[') && domain.ends_with(']') && domain.size() > 2;
  if (!literal && !IsDotAtom(domain)) return std::nullopt;
  address.domain.assign(domain);
  return address;
}

std::optional<std::string> SingleAddrSpec(std::string_view text) {
  AddressList list = ParseAddressList(text);
  if (list.addresses.size() != 1 || !list.invalid.empty() || list.addresses[0].domain.empty()) {
    return std::nullopt;
  }
  return list.addresses[0].AddrSpec();
}

}  // namespace mail
