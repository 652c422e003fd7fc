// A CredentialSource over a fixed table, for the mechanism tests: the unit boundary.
#pragma once

#include <map>
#include <string>
#include <utility>

#include "auth/password_scheme.h"
#include "auth/sasl/mechanism.h"

namespace auth::sasl {

class FakeSource final : public CredentialSource {
 public:
  // `stored` as a passdb holds it; the passdb answers with `canonical` as the user's name, so
  // tests can tell it from the name the client sent (empty: the passdb names nobody).
  void Add(std::string user, std::string stored, std::string canonical = "",
           std::string default_scheme = "PLAIN") {
    users_[std::move(user)] = {std::move(stored), std::move(canonical), std::move(default_scheme)};
  }
  bool temp_fail = false;
  int lookups = 0;

  PlainVerdict VerifyPlain(std::string_view user, std::string_view password) override {
    ++lookups;
    if (temp_fail) return {PlainVerdict::Status::kTempFail, "", {}};
    auto it = users_.find(std::string(user));
    if (it == users_.end()) return {};
    auto match = VerifyPassword(it->second.stored, password, it->second.default_scheme);
    if (!match || !*match) return {};
    return {PlainVerdict::Status::kOk, it->second.canonical, {{"home", "/home/" + it->first}}};
  }

  Credentials LookupCredentials(std::string_view user) override {
    ++lookups;
    if (temp_fail) return {Credentials::Status::kTempFail, "", "", "PLAIN", {}};
    auto it = users_.find(std::string(user));
    if (it == users_.end()) return {};
    return {Credentials::Status::kFound,
            it->second.canonical,
            it->second.stored,
            it->second.default_scheme,
            {{"home", "/home/" + it->first}}};
  }

 private:
  struct Entry {
    std::string stored, canonical, default_scheme;
  };
  std::map<std::string, Entry> users_;
};

// Random bytes that are all `byte`, for reproducible salts and nonces.
inline RandomBytes FixedRandom(char byte = '\x01') {
  return [byte](size_t count) { return std::string(count, byte); };
}

}  // namespace auth::sasl
