// RFC 5228 §2.7.4 address parts :all, :localpart, :domain.
#include "sieve-lang/core/core.h"

namespace sieve::core {
namespace {

class All final : public AddressPart {
 public:
  std::string_view name() const override { return "all"; }
  std::optional<std::string> Extract(const mail::Address& a, const Host&) const override {
    return a.AddrSpec();
  }
};

class Localpart final : public AddressPart {
 public:
  std::string_view name() const override { return "localpart"; }
  std::optional<std::string> Extract(const mail::Address& a, const Host&) const override {
    return a.local_part;
  }
};

class Domain final : public AddressPart {
 public:
  std::string_view name() const override { return "domain"; }
  std::optional<std::string> Extract(const mail::Address& a, const Host&) const override {
    if (a.domain.empty()) return std::nullopt;
    return a.domain;
  }
};

}  // namespace

const AddressPart& AllPart() {
  static const All part;
  return part;
}

const AddressPart& LocalpartPart() {
  static const Localpart part;
  return part;
}

const AddressPart& DomainPart() {
  static const Domain part;
  return part;
}

}  // namespace sieve::core
