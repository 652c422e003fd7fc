#include "roost/service_settings.h"

#include "base/thread_identity.h"
#include "config/values.h"

namespace roost {

base::Result<std::shared_ptr<net::TlsContext>> MakeTls(const config::Settings& settings) {
  std::string ssl = settings.Get("ssl");
  std::string cert = settings.Get("ssl_cert");
  if (ssl == "no") return std::shared_ptr<net::TlsContext>();
  if (cert.empty()) {
    if (ssl == "required") {
      return base::Err(base::Status::InvalidArgument("ssl = required, but ssl_cert is not set"));
    }
    return std::shared_ptr<net::TlsContext>();
  }
  return net::TlsContext::Create({.cert_pem = cert,
                                  .key_pem = settings.Get("ssl_key"),
                                  .min_protocol = settings.Get("ssl_min_protocol"),
                                  .cipher_list = settings.Get("ssl_cipher_list")});
}

size_t ServiceLimit(const config::Settings& settings, std::string_view service) {
  auto limit = config::ParseUint(settings.Get("service/" + std::string(service) + "/process_limit"));
  if (limit && *limit > 0) return *limit;
  auto fallback = config::ParseUint(settings.Get("default_process_limit"));
  return fallback && *fallback > 0 ? *fallback : 100;
}

auth::MailIdentityRules IdentityRulesFrom(const config::Settings& settings,
                                          std::string_view protocol) {
  auth::MailIdentityRules rules;
  auto get = [&](std::string_view key) { return settings.GetFor(protocol, key); };
  rules.mail_uid = base::SystemId(get("mail_uid"), false);
  rules.mail_gid = base::SystemId(get("mail_gid"), true);
  if (auto id = config::ParseUint(get("first_valid_uid"))) rules.first_valid_uid = *id;
  if (auto id = config::ParseUint(get("last_valid_uid"))) rules.last_valid_uid = *id;
  if (auto id = config::ParseUint(get("first_valid_gid"))) rules.first_valid_gid = *id;
  if (auto id = config::ParseUint(get("last_valid_gid"))) rules.last_valid_gid = *id;
  return rules;
}

lmtp::LmtpSettings LmtpSettingsFrom(const config::Settings& settings,
                                    const lda::DeliverySettings& delivery) {
  auto flag = [&](std::string_view key, bool fallback) {
    auto value = config::ParseBool(settings.GetFor("lmtp", key));
    return value ? *value : fallback;
  };
  return {.hostname = delivery.hostname,
          .recipient_delimiter = settings.GetFor("lmtp", "recipient_delimiter"),
          .save_to_detail_mailbox = flag("lmtp_save_to_detail_mailbox", false),
          .rcpt_check_quota = flag("lmtp_rcpt_check_quota", false),
          .add_received_header = flag("lmtp_add_received_header", true),
          .hdr_delivery_address = settings.GetFor("lmtp", "lmtp_hdr_delivery_address"),
          .identity = IdentityRulesFrom(settings, "lmtp")};
}

managesieved::ManageSieveSettings ManageSieveSettingsFrom(const config::Settings& settings,
                                                          const lda::LdaSetup& lda) {
  managesieved::ManageSieveSettings ms;
  auto get = [&](std::string_view key) { return settings.GetFor("sieve", key); };
  // Dovecot's default names Pigeonhole; Roost says what it is unless told otherwise.
  if (settings.IsSet("managesieve_implementation_string")) {
    ms.implementation = get("managesieve_implementation_string");
  }
  ms.sieve_capability = get("managesieve_sieve_capability");
  if (settings.IsSet("managesieve_notify_capability")) {
    ms.notify_capability = get("managesieve_notify_capability");
  }
  if (auto size = config::ParseSize(get("managesieve_max_line_length")); size && *size > 0) {
    ms.max_line_length = *size;
  }
  if (auto count = config::ParseUint(get("managesieve_max_compile_errors")); count && *count > 0) {
    ms.max_compile_errors = *count;
  }
  const sieve::Limits& limits = lda.engine->options().limits;
  if (limits.max_script_size > 0) ms.max_script_size = limits.max_script_size;
  ms.max_redirects = static_cast<unsigned>(limits.max_redirects);
  if (auto scripts = config::ParseUint(get("plugin/sieve_quota_max_scripts"))) {
    ms.quota.max_scripts = *scripts;
  }
  if (auto storage = config::ParseSize(get("plugin/sieve_quota_max_storage"))) {
    ms.quota.max_storage = *storage;
  }
  ms.ssl_required = get("ssl") == "required";
  if (auto limit = config::ParseUint(get("mail_max_userip_connections"))) {
    ms.max_userip_connections = *limit;
  }
  ms.identity = IdentityRulesFrom(settings, "sieve");
  ms.plugin = lda.delivery.plugin;
  ms.hostname = lda.delivery.hostname;
  return ms;
}

}  // namespace roost
