// subaddress (RFC 5233): the :user and :detail address parts. The separator is Dovecot's
// recipient_delimiter (default "+"), which may list several characters; the local part
// splits at the first of any of them. Status: complete.
#include "sieve-lang/address_part.h"
#include "sieve-lang/ext/builtin.h"
#include "sieve-lang/host.h"

namespace sieve {
namespace {

// Offset of the separator in `local`, or npos when the address has no detail.
size_t Separator(std::string_view local, const Host& host) {
  std::string delimiters = host.Setting("recipient_delimiter").value_or("+");
  if (delimiters.empty()) return std::string_view::npos;
  return local.find_first_of(delimiters);
}

class UserPart final : public AddressPart {
 public:
  std::string_view name() const override { return "user"; }
  std::optional<std::string> Extract(const mail::Address& a, const Host& host) const override {
    return a.local_part.substr(0, Separator(a.local_part, host));
  }
};

// RFC 5233 §4: no separator means no detail (nothing matches); an empty detail is "".
class DetailPart final : public AddressPart {
 public:
  std::string_view name() const override { return "detail"; }
  std::optional<std::string> Extract(const mail::Address& a, const Host& host) const override {
    size_t at = Separator(a.local_part, host);
    if (at == std::string::npos) return std::nullopt;
    return a.local_part.substr(at + 1);
  }
};

}  // namespace

const Extension& SubaddressExtension() {
  static const UserPart user;
  static const DetailPart detail;
  static const Extension ext{.name = "subaddress", .address_parts = {&user, &detail}};
  return ext;
}

}  // namespace sieve
