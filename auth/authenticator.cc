#include "auth/authenticator.h"

#include <unistd.h>

#include "auth/db/request_vars.h"
#include "auth/password_scheme.h"
#include "base/strings.h"

namespace auth {
namespace {

// Drivers whose answers are worth caching: a static or prefetch lookup costs nothing.
bool Cacheable(std::string_view driver) { return driver != "static" && driver != "prefetch"; }

std::string CacheKey(char kind, size_t index, std::string_view user) {
  return std::string(1, kind) + std::to_string(index) + "\t" + std::string(user);
}

// default_fields fill in what the database left out; override_fields replace.
void ApplyFieldDefaults(const ChainSlot& slot, const AuthRequest& request, Fields& fields) {
  for (const auto& [key, value] : slot.default_fields) {
    if (FindField(fields, key) != nullptr) continue;
    auto expanded = ExpandForRequest(value, request);
    fields.emplace_back(key, expanded ? *expanded : value);
  }
  for (const auto& [key, value] : slot.override_fields) {
    std::erase_if(fields, [&](const auto& field) { return field.first == key; });
    auto expanded = ExpandForRequest(value, request);
    fields.emplace_back(key, expanded ? *expanded : value);
  }
}

bool HasFlag(const Fields& fields, std::string_view key) {
  const std::string* value = FindField(fields, key);
  return value != nullptr && *value != "n" && *value != "no" && *value != "0";
}

}  // namespace

struct Authenticator::PassResult {
  enum class Status { kOk, kFail, kTempFail } status = Status::kFail;
  std::string user;
  Fields fields;
  std::string log_reason;
};

base::Result<std::unique_ptr<Authenticator>> Authenticator::Create(AuthSettings settings,
                                                                   Databases databases) {
  auto trusted = IpNetworks::Parse(settings.login_trusted_networks);
  if (!trusted) {
    return base::Err(base::Status::InvalidArgument("login_trusted_networks: " +
                                                   trusted.error().message()));
  }
  for (std::string& mechanism : settings.mechanisms) {
    mechanism = base::AsciiToUpper(mechanism);
    if (sasl::FindMechanism(mechanism) == nullptr) {
      return base::Err(base::Status::InvalidArgument("auth_mechanisms: '" + mechanism +
                                                     "' is not supported by Roost"));
    }
  }
  if (settings.hostname.empty()) {
    char host[256] = {};
    gethostname(host, sizeof host - 1);
    settings.hostname = host;
  }
  return std::unique_ptr<Authenticator>(
      new Authenticator(std::move(settings), std::move(databases), std::move(*trusted)));
}

Authenticator::Authenticator(AuthSettings settings, Databases databases, IpNetworks trusted)
    : settings_(std::move(settings)),
      databases_(std::move(databases)),
      trusted_(std::move(trusted)),
      cache_(settings_.cache_size, settings_.cache_ttl, settings_.cache_negative_ttl) {}

std::optional<std::string> Authenticator::NormalizeUser(std::string_view raw) const {
  if (raw.empty()) return std::nullopt;
  if (!settings_.username_chars.empty()) {
    for (char c : raw) {
      if (settings_.username_chars.find(c) == std::string::npos) return std::nullopt;
    }
  } else {
    // Even with every character allowed, controls would break the tab-separated protocols.
    for (char c : raw) {
      if (static_cast<unsigned char>(c) < 0x20) return std::nullopt;
    }
  }
  std::string user(raw);
  if (!settings_.default_realm.empty() && user.find('@') == std::string::npos) {
    user += "@" + settings_.default_realm;
  }
  AuthRequest request{.user = user};
  auto formatted = ExpandForRequest(settings_.username_format, request);
  if (!formatted || formatted->empty()) return std::nullopt;
  return *formatted;
}

LookupResult Authenticator::CachedPassLookup(size_t index, const AuthRequest& request,
                                             bool bypass_cache) {
  PassDbSlot& slot = databases_.passdbs[index];
  bool cacheable = Cacheable(slot.db->driver());
  std::string key = CacheKey('p', index, request.user);
  if (cacheable && !bypass_cache) {
    if (auto cached = cache_.Get(key)) return cached->result;
  }
  LookupResult result = slot.db->Lookup(request);
  if (result.status == LookupResult::Status::kFound) {
    ApplyFieldDefaults(slot, request, result.fields);
  }
  if (cacheable) cache_.Put(key, result);
  return result;
}

Authenticator::PassResult Authenticator::PassChain(const AuthRequest& request,
                                                   std::optional<std::string_view> password) {
  PassResult result;
  bool succeeded = false, internal = false;
  for (size_t i = 0; i < databases_.passdbs.size(); ++i) {
    PassDbSlot& slot = databases_.passdbs[i];
    std::string key = CacheKey('p', i, request.user);
    LookupResult found = CachedPassLookup(i, request, false);
    ChainAction action = slot.result_failure;
    if (found.status == LookupResult::Status::kTempFail) {
      internal = true;
      result.log_reason = std::string(slot.db->driver()) + ": " + found.error;
      action = slot.result_internalfailure;
    } else if (found.status == LookupResult::Status::kFound && slot.deny) {
      result = {PassResult::Status::kFail, request.user, {}, "denied by " + slot.where};
      return result;
    } else if (found.status == LookupResult::Status::kFound) {
      bool match = true;
      if (password.has_value()) {
        const std::string* stored = FindField(found.fields, "password");
        if (stored == nullptr || stored->empty()) {
          match = HasFlag(found.fields, "nopassword");
        } else {
          auto verified = VerifyPassword(*stored, *password, slot.default_scheme);
          if (verified && !*verified && Cacheable(slot.db->driver())) {
            // Matched before, not now: the password may have changed in the database.
            if (auto cached = cache_.Get(key); cached && cached->last_verify_ok) {
              found = CachedPassLookup(i, request, true);
              stored = FindField(found.fields, "password");
              if (found.status == LookupResult::Status::kFound && stored != nullptr) {
                verified = VerifyPassword(*stored, *password, slot.default_scheme);
              }
            }
          }
          if (!verified) {
            internal = true;
            result.log_reason = slot.where + ": " + verified.error().message();
            match = false;
          } else {
            match = *verified;
          }
          cache_.SetVerified(key, match);
        }
      }
      if (match) {
        succeeded = true;
        result.user = found.user.empty() ? request.user : found.user;
        result.fields = std::move(found.fields);
        action = slot.result_success;
      } else if (result.log_reason.empty()) {
        result.log_reason = "password mismatch";
      }
    } else if (result.log_reason.empty()) {
      result.log_reason = "unknown user";
    }
    bool stop = action == ChainAction::kReturnOk || action == ChainAction::kReturnFail ||
                action == ChainAction::kReturn;
    if (action == ChainAction::kReturnFail || action == ChainAction::kContinueFail) succeeded = false;
    if (action == ChainAction::kContinueOk) succeeded = true;
    if (stop) break;
  }
  if (succeeded) {
    result.status = PassResult::Status::kOk;
    result.log_reason.clear();
  } else {
    result.status = internal ? PassResult::Status::kTempFail : PassResult::Status::kFail;
  }
  return result;
}

AuthOutcome Authenticator::VerifyPlain(const AuthRequest& request, std::string_view password,
                                       bool apply_policy) {
  AuthRequest with_password = request;
  with_password.password = std::string(password);
  PassResult pass = PassChain(with_password, password);
  if (pass.status != PassResult::Status::kOk) {
    return {pass.status == PassResult::Status::kTempFail ? AuthOutcome::Status::kTempFail
                                                         : AuthOutcome::Status::kFail,
            request.user, {}, pass.log_reason, {}};
  }
  if (!apply_policy) return {AuthOutcome::Status::kOk, pass.user, std::move(pass.fields), {}, {}};
  return Finish(request, pass.user, std::move(pass.fields));
}

sasl::Credentials Authenticator::LookupCredentials(const AuthRequest& request) {
  sasl::Credentials credentials;
  bool internal = false;
  for (size_t i = 0; i < databases_.passdbs.size(); ++i) {
    PassDbSlot& slot = databases_.passdbs[i];
    LookupResult found = CachedPassLookup(i, request, false);
    if (found.status == LookupResult::Status::kTempFail) internal = true;
    if (found.status != LookupResult::Status::kFound) continue;
    if (slot.deny) return credentials;  // refused: kNotFound fails the exchange
    const std::string* stored = FindField(found.fields, "password");
    if (stored == nullptr) continue;
    credentials.status = sasl::Credentials::Status::kFound;
    credentials.user = found.user.empty() ? request.user : found.user;
    credentials.stored = *stored;
    credentials.default_scheme = slot.default_scheme;
    credentials.fields = std::move(found.fields);
    return credentials;
  }
  if (internal) credentials.status = sasl::Credentials::Status::kTempFail;
  return credentials;
}

AuthOutcome Authenticator::Finish(const AuthRequest& request, std::string user, Fields fields) {
  AuthOutcome outcome{AuthOutcome::Status::kFail, std::move(user), {}, {}, {}};
  if (const std::string* renamed = FindField(fields, "user"); renamed && !renamed->empty()) {
    outcome.user = *renamed;
  }
  if (FindField(fields, "nologin") != nullptr) {  // a flag: present means set
    const std::string* reason = FindField(fields, "reason");
    outcome.client_reason = reason != nullptr ? *reason : "";
    outcome.log_reason = "nologin";
    return outcome;
  }
  if (const std::string* nets = FindField(fields, "allow_nets")) {
    auto allowed = IpNetworks::Parse(*nets);
    if (!allowed) {
      outcome.status = AuthOutcome::Status::kTempFail;
      outcome.log_reason = "allow_nets: " + allowed.error().message();
      return outcome;
    }
    if (!allowed->Contains(request.remote_ip)) {
      outcome.log_reason = "allow_nets check failed: " +
                           (request.remote_ip.empty() ? std::string("remote IP not known")
                                                      : request.remote_ip + " not in " + *nets);
      return outcome;
    }
  }
  std::erase_if(fields, [](const auto& field) {
    return field.first == "password" || field.first == "user" || field.first == "allow_nets";
  });
  outcome.status = AuthOutcome::Status::kOk;
  outcome.fields = std::move(fields);
  return outcome;
}

UserOutcome Authenticator::LookupUser(const AuthRequest& request, const Fields& prefetched) {
  UserOutcome outcome{LookupResult::Status::kNotFound, request.user, {}, {}};
  for (size_t i = 0; i < databases_.userdbs.size(); ++i) {
    UserDbSlot& slot = databases_.userdbs[i];
    bool cacheable = Cacheable(slot.db->driver());
    std::string key = CacheKey('u', i, request.user);
    std::optional<LookupResult> found;
    if (cacheable) {
      if (auto cached = cache_.Get(key)) found = cached->result;
    }
    if (!found) {
      found = slot.db->Lookup(request, prefetched);
      if (found->status == LookupResult::Status::kFound) {
        ApplyFieldDefaults(slot, request, found->fields);
      }
      if (cacheable) cache_.Put(key, *found);
    }
    if (found->status == LookupResult::Status::kTempFail) {
      outcome.status = LookupResult::Status::kTempFail;
      outcome.error = std::string(slot.db->driver()) + ": " + found->error;
      if (slot.result_internalfailure == ChainAction::kContinue) continue;
      return outcome;
    }
    if (found->status == LookupResult::Status::kFound) {
      outcome.status = LookupResult::Status::kFound;
      if (!found->user.empty()) outcome.user = found->user;
      for (auto& field : found->fields) outcome.fields.push_back(std::move(field));
      if (slot.result_success == ChainAction::kContinue ||
          slot.result_success == ChainAction::kContinueOk) {
        continue;  // later userdbs add or override fields
      }
      return outcome;
    }
    if (slot.result_failure != ChainAction::kContinue) break;
  }
  if (outcome.status == LookupResult::Status::kFound) outcome.error.clear();
  return outcome;
}

namespace {

class ChainCredentialSource final : public sasl::CredentialSource {
 public:
  ChainCredentialSource(Authenticator& authenticator, AuthRequest request)
      : authenticator_(authenticator), request_(std::move(request)) {}

  sasl::PlainVerdict VerifyPlain(std::string_view user, std::string_view password) override {
    sasl::PlainVerdict verdict;
    auto normalized = authenticator_.NormalizeUser(user);
    if (!normalized) return verdict;
    request_.user = *normalized;
    AuthOutcome outcome = authenticator_.VerifyPlain(request_, password, false);
    verdict.status = outcome.status == AuthOutcome::Status::kOk
                         ? sasl::PlainVerdict::Status::kOk
                         : outcome.status == AuthOutcome::Status::kTempFail
                               ? sasl::PlainVerdict::Status::kTempFail
                               : sasl::PlainVerdict::Status::kFail;
    verdict.user = outcome.user;
    verdict.fields = std::move(outcome.fields);
    return verdict;
  }

  sasl::Credentials LookupCredentials(std::string_view user) override {
    auto normalized = authenticator_.NormalizeUser(user);
    if (!normalized) return {};
    request_.user = *normalized;
    return authenticator_.LookupCredentials(request_);
  }

  std::string_view last_user() const override { return request_.user; }

 private:
  Authenticator& authenticator_;
  AuthRequest request_;
};

}  // namespace

std::unique_ptr<sasl::CredentialSource> Authenticator::NewCredentialSource(
    const AuthRequest& request) {
  return std::make_unique<ChainCredentialSource>(*this, request);
}

std::vector<sasl::MechanismInfo> Authenticator::Mechanisms(bool secured) const {
  std::vector<sasl::MechanismInfo> mechanisms;
  for (const std::string& name : settings_.mechanisms) {
    const sasl::MechanismInfo* info = sasl::FindMechanism(name);
    if (info == nullptr) continue;
    if (info->plaintext && settings_.disable_plaintext_auth && !secured) continue;
    mechanisms.push_back(*info);
  }
  return mechanisms;
}

bool Authenticator::MechanismAllowed(std::string_view name, bool secured) const {
  for (const sasl::MechanismInfo& info : Mechanisms(secured)) {
    if (base::EqualsIgnoreCase(info.name, name)) return true;
  }
  return false;
}

bool Authenticator::MayBlock() const {
  auto remote = [](std::string_view driver) { return driver == "sql"; };
  for (const PassDbSlot& slot : databases_.passdbs) {
    if (remote(slot.db->driver())) return true;
  }
  for (const UserDbSlot& slot : databases_.userdbs) {
    if (remote(slot.db->driver())) return true;
  }
  return false;
}

bool Authenticator::Trusted(std::string_view ip) const {
  return !ip.empty() && trusted_.Contains(ip);
}

Fields PrefetchedFields(const Fields& passdb_fields) {
  Fields prefetched;
  for (const auto& [key, value] : passdb_fields) {
    if (key.starts_with("userdb_")) prefetched.emplace_back(key.substr(7), value);
  }
  return prefetched;
}

}  // namespace auth
