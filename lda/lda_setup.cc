#include "lda/lda_setup.h"

#include <unistd.h>

#include "auth/auth_settings.h"
#include "auth/db/databases.h"
#include "config/values.h"
#include "lda/smtp_outgoing.h"
#include "sieve-lang/ext/builtin.h"

namespace lda {
namespace {

bool Flag(const config::Settings& settings, std::string_view protocol, std::string_view key) {
  auto value = config::ParseBool(settings.GetFor(protocol, key));
  return value && *value;
}

base::Result<std::chrono::milliseconds> Time(const config::Settings& settings,
                                             std::string_view protocol, std::string_view key) {
  auto value = config::ParseTime(settings.GetFor(protocol, key));
  if (!value) {
    return base::Err(
        base::Status::InvalidArgument(std::string(key) + ": " + value.error().message()));
  }
  return value;
}

// Dovecot: submission_host set means SMTP to that host, else sendmail_path.
base::Result<std::unique_ptr<OutgoingMail>> MakeOutgoing(const config::Settings& settings,
                                                         std::string_view protocol,
                                                         const std::string& hostname) {
  std::string host = settings.GetFor(protocol, "submission_host");
  if (host.empty()) {
    return std::make_unique<SendmailOutgoing>(settings.GetFor(protocol, "sendmail_path"));
  }
  std::string ssl = settings.GetFor(protocol, "submission_ssl");
  if (!ssl.empty() && ssl != "no") {
    return base::Err(base::Status::InvalidArgument(
        "submission_ssl = " + ssl +
        ": Roost's delivery has no TLS for submission_host; "
        "use submission_ssl = no (an MTA on loopback or a trusted network) or sendmail_path"));
  }
  auto target = ParseSubmissionHost(host);
  if (!target) return base::Err(target.error());
  auto timeout = Time(settings, protocol, "submission_timeout");
  if (!timeout) return base::Err(timeout.error());
  return std::make_unique<SmtpOutgoing>(std::move(*target), hostname, *timeout);
}

}  // namespace

base::Result<LdaSetup> LoadLdaSetup(const LdaConfigSource& source, std::string_view protocol) {
  LdaSetup setup;
  auto settings = config::LoadSettings(source, &setup.warnings);
  if (!settings) return base::Err(settings.error());

  DeliverySettings& delivery = setup.delivery;
  delivery.plugin = config::PluginSettings(settings->config(), protocol);
  delivery.mail_location = settings->GetFor(protocol, "mail_location");
  delivery.postmaster_address = settings->GetFor(protocol, "postmaster_address");
  delivery.hostname = settings->GetFor(protocol, "hostname");
  if (delivery.hostname.empty()) {
    char host[256] = {};
    gethostname(host, sizeof host - 1);
    delivery.hostname = host;
  }
  if (delivery.postmaster_address.empty()) {
    delivery.postmaster_address = "postmaster@" + delivery.hostname;
  }
  delivery.recipient_delimiter = settings->GetFor(protocol, "recipient_delimiter");
  delivery.original_recipient_header =
      settings->GetFor(protocol, "lda_original_recipient_header");
  delivery.mailbox_autocreate = Flag(*settings, protocol, "lda_mailbox_autocreate");
  delivery.mailbox_autosubscribe = Flag(*settings, protocol, "lda_mailbox_autosubscribe");
  delivery.quota_full_tempfail = Flag(*settings, protocol, "quota_full_tempfail");
  if (auto it = delivery.plugin.find("sieve_redirect_envelope_from"); it != delivery.plugin.end()) {
    delivery.redirect_envelope_from = it->second;
  }
  delivery.user_email = settings->GetFor(protocol, "plugin/sieve_user_email");
  auto duplicate_period = Time(*settings, protocol, "plugin/sieve_redirect_duplicate_period");
  if (!duplicate_period) return base::Err(duplicate_period.error());
  delivery.redirect_duplicate_period =
      std::chrono::duration_cast<std::chrono::seconds>(*duplicate_period);

  sieve::Options options;
  for (const auto& [key, value] : delivery.plugin) {
    base::Status applied = sieve::ApplySetting(options, key, value);
    if (!applied.ok() && applied.code() != base::Status::Code::kNotFound) {
      return base::Err(base::Status::InvalidArgument("plugin/" + key + ": " + applied.message()));
    }
  }
  setup.engine = std::make_unique<sieve::Engine>(sieve::BuiltinRegistry(), std::move(options));

  auto auth_settings = auth::LoadAuthSettings(*settings);
  if (!auth_settings) return base::Err(auth_settings.error());
  auto databases = auth::OpenDatabases(settings->config());
  if (!databases) return base::Err(databases.error());
  auto authenticator = auth::Authenticator::Create(std::move(*auth_settings), std::move(*databases));
  if (!authenticator) return base::Err(authenticator.error());
  setup.authenticator = std::move(*authenticator);
  auto outgoing = MakeOutgoing(*settings, protocol, delivery.hostname);
  if (!outgoing) return base::Err(outgoing.error());
  setup.outgoing = std::move(*outgoing);
  return setup;
}

}  // namespace lda
