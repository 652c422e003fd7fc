// Address parts (RFC 5228 §2.7.4): which piece of an address a test compares.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "mail/address.h"

namespace sieve {

class Host;

class AddressPart {
 public:
  virtual ~AddressPart() = default;
  virtual std::string_view name() const = 0;  // the tag without ':'
  // The part of `address`, or nullopt when it has none (then it matches nothing). `host`
  // answers settings some parts depend on (subaddress: recipient_delimiter).
  virtual std::optional<std::string> Extract(const mail::Address& address,
                                             const Host& host) const = 0;
};

}  // namespace sieve
