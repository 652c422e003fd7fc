// The registry of SASL mechanisms: the one list KnownMechanisms and NewMechanism read, in the
// order Dovecot announces them.
#include <chrono>

#include "auth/sasl/mechanisms_internal.h"
#include "base/strings.h"

namespace auth::sasl {
namespace {

struct Entry {
  const char* name;
  bool plaintext;
  bool needs_credentials;
  std::unique_ptr<Mechanism> (*make)(CredentialSource& source, std::string_view server_name,
                                     const MechanismEnv& env);
};

const Entry kEntries[] = {
    {"PLAIN", true, false,
     [](CredentialSource& source, std::string_view, const MechanismEnv&) {
       return NewPlainMechanism(source);
     }},
    {"LOGIN", true, false,
     [](CredentialSource& source, std::string_view, const MechanismEnv&) {
       return NewLoginMechanism(source);
     }},
    {"CRAM-MD5", false, true,
     [](CredentialSource& source, std::string_view server_name, const MechanismEnv& env) {
       return NewCramMd5Mechanism(source, MakeCramMd5Challenge(env, server_name));
     }},
    {"SCRAM-SHA-1", false, true,
     [](CredentialSource& source, std::string_view, const MechanismEnv& env) {
       return NewScramMechanism(ScramHash::kSha1, source, env.random, MakeScramNonce(env.random));
     }},
    {"SCRAM-SHA-256", false, true,
     [](CredentialSource& source, std::string_view, const MechanismEnv& env) {
       return NewScramMechanism(ScramHash::kSha256, source, env.random, MakeScramNonce(env.random));
     }},
};

}  // namespace

int64_t SystemUnixTime() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

const std::vector<MechanismInfo>& KnownMechanisms() {
  static const std::vector<MechanismInfo> kKnown = [] {
    std::vector<MechanismInfo> out;
    for (const Entry& entry : kEntries)
      out.push_back({entry.name, entry.plaintext, entry.needs_credentials});
    return out;
  }();
  return kKnown;
}

const MechanismInfo* FindMechanism(std::string_view name) {
  for (const MechanismInfo& info : KnownMechanisms()) {
    if (base::EqualsIgnoreCase(info.name, name)) return &info;
  }
  return nullptr;
}

std::unique_ptr<Mechanism> NewMechanism(std::string_view name, CredentialSource& source,
                                        std::string_view server_name, const MechanismEnv& env) {
  const std::vector<MechanismInfo>& known = KnownMechanisms();
  for (size_t i = 0; i < known.size(); ++i) {
    if (base::EqualsIgnoreCase(known[i].name, name))
      return kEntries[i].make(source, server_name, env);
  }
  return nullptr;
}

}  // namespace auth::sasl
