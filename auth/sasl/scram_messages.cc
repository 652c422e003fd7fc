#include <vector>

#include "auth/password_scheme.h"
#include "auth/sasl/scram_messages_internal.h"
#include "base/strings.h"

namespace auth::sasl {
namespace {

base::Status Malformed(std::string_view what) {
  return base::Status::InvalidArgument("malformed SCRAM " + std::string(what));
}

// RFC 5802 §7: value-safe-char excludes NUL and ','; "=" is an escape.
// RFC 5802 §5.1 "n": "=2C" is ',' and "=3D" is '='; any other '=' MUST fail the exchange.
// Dovecot does no SASLprep (RFC 4013) either; we at least insist on UTF-8 without controls,
// which SASLprep would refuse too (RFC 4013 §2.3, RFC 3454 C.2).
base::Result<std::string> DecodeSaslName(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '=') {
      out.push_back(text[i]);
      continue;
    }
    std::string_view escape = text.substr(i + 1, 2);
    if (escape != "2C" && escape != "3D") return base::Err(Malformed("name escape"));
    out.push_back(escape == "2C" ? ',' : '=');
    i += 2;
  }
  if (out.empty() || !base::IsValidUtf8(out)) return base::Err(Malformed("name"));
  for (char c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return base::Err(Malformed("name"));
  }
  return out;
}

// RFC 5802 §7: c-nonce = printable = %x21-2B / %x2D-7E (no ',').
bool IsNonce(std::string_view nonce) {
  if (nonce.empty()) return false;
  for (char c : nonce) {
    if (c < 0x21 || c > 0x7e || c == ',') return false;
  }
  return true;
}

// `field` is "<attr>=<value>"; the value, or nullopt for another attribute.
std::optional<std::string_view> Attribute(std::string_view field, char attr) {
  if (field.size() < 2 || field[0] != attr || field[1] != '=') return std::nullopt;
  return field.substr(2);
}

// gs2-header = gs2-cbind-flag "," [ authzid ] ","
base::Result<size_t> ParseGs2Header(std::string_view message, ClientFirst& out) {
  size_t first = message.find(',');
  size_t second = first == std::string_view::npos ? first : message.find(',', first + 1);
  if (second == std::string_view::npos) return base::Err(Malformed("GS2 header"));
  std::string_view flag = message.substr(0, first);
  if (flag != "n" && flag != "y" && !flag.starts_with("p="))
    return base::Err(Malformed("GS2 header"));
  out.cbind_flag = flag[0];
  std::string_view authzid = message.substr(first + 1, second - first - 1);
  if (!authzid.empty()) {
    auto value = Attribute(authzid, 'a');
    if (!value) return base::Err(Malformed("GS2 header"));
    auto decoded = DecodeSaslName(*value);
    if (!decoded) return base::Err(decoded.error());
    out.authzid = *decoded;
  }
  out.gs2_header = std::string(message.substr(0, second + 1));
  return second + 1;
}

}  // namespace

base::Result<ClientFirst> ParseClientFirst(std::string_view message) {
  ClientFirst out;
  auto header_size = ParseGs2Header(message, out);
  if (!header_size) return base::Err(header_size.error());
  out.bare = std::string(message.substr(*header_size));
  // client-first-message-bare = [reserved-mext ","] username "," nonce ["," extensions]
  std::vector<std::string_view> fields = base::SplitString(out.bare, ',');
  // RFC 5802 §5.1 "m": a server that does not know the mandatory extension MUST fail.
  if (!fields.empty() && Attribute(fields[0], 'm')) {
    return base::Err(base::Status::Unsupported("SCRAM mandatory extension not supported"));
  }
  if (fields.size() < 2) return base::Err(Malformed("client-first-message"));
  auto user = Attribute(fields[0], 'n');
  auto nonce = Attribute(fields[1], 'r');
  if (!user || !nonce || !IsNonce(*nonce)) return base::Err(Malformed("client-first-message"));
  auto decoded = DecodeSaslName(*user);
  if (!decoded) return base::Err(decoded.error());
  out.user = *decoded;
  out.nonce = std::string(*nonce);
  return out;  // later extensions are optional ones we do not know: ignored (RFC 5802 §5.1)
}

base::Result<ClientFinal> ParseClientFinal(std::string_view message) {
  // The proof is the last attribute; everything before it is signed (RFC 5802 §3).
  size_t proof_at = message.rfind(",p=");
  if (proof_at == std::string_view::npos) return base::Err(Malformed("client-final-message"));
  ClientFinal out;
  out.without_proof = std::string(message.substr(0, proof_at));
  std::vector<std::string_view> fields = base::SplitString(out.without_proof, ',');
  if (fields.size() < 2) return base::Err(Malformed("client-final-message"));
  auto binding = Attribute(fields[0], 'c');
  auto nonce = Attribute(fields[1], 'r');
  if (!binding || !nonce || !IsNonce(*nonce)) return base::Err(Malformed("client-final-message"));
  auto decoded_binding = Base64Decode(*binding);
  auto proof = Base64Decode(message.substr(proof_at + 3));
  if (!decoded_binding || !proof || proof->empty()) {
    return base::Err(Malformed("client-final-message"));
  }
  out.channel_binding = *decoded_binding;
  out.nonce = std::string(*nonce);
  out.proof = *proof;
  return out;
}

}  // namespace auth::sasl
