// What the daemon's services take from the configuration: TLS (ssl, ssl_cert, ssl_key,
// ssl_min_protocol, ssl_cipher_list), connection limits (process_limit), and the LMTP and
// ManageSieve settings with Dovecot's names and defaults.
#pragma once

#include <memory>
#include <string_view>

#include "base/result.h"
#include "config/settings.h"
#include "lda/lda_setup.h"
#include "lmtp/lmtp_delivery.h"
#include "managesieved/session.h"
#include "net/tls_context.h"

namespace roost {

// Null when TLS is off (ssl = no, or no ssl_cert); an error for ssl = required without a
// certificate or an unusable one.
base::Result<std::shared_ptr<net::TlsContext>> MakeTls(const config::Settings& settings);
// service NAME { process_limit }, else default_process_limit.
size_t ServiceLimit(const config::Settings& settings, std::string_view service);
// mail_uid/mail_gid and the valid uid/gid ranges as `protocol {}` sees them.
auth::MailIdentityRules IdentityRulesFrom(const config::Settings& settings,
                                          std::string_view protocol);
lmtp::LmtpSettings LmtpSettingsFrom(const config::Settings& settings,
                                    const lda::DeliverySettings& delivery);
managesieved::ManageSieveSettings ManageSieveSettingsFrom(const config::Settings& settings,
                                                          const lda::LdaSetup& lda);

}  // namespace roost
