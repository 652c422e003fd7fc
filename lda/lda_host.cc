#include "lda/lda_host.h"

namespace lda {

std::chrono::system_clock::time_point LdaHost::Now() const {
  return std::chrono::system_clock::now();
}

bool LdaHost::MailboxExists(std::string_view mailbox) const {
  return store_.Open(mailbox).has_value();
}

std::optional<std::string> LdaHost::EnvironmentItem(std::string_view name) const {
  // RFC 5183 §4 items, as Pigeonhole's LDA fills them.
  if (name == "name") return "Roost";
  if (name == "phase") return "during";
  if (name == "location") return "MDA";
  if (name == "host" || name == "domain") {
    auto host = Setting("hostname");
    if (!host) return std::nullopt;
    if (name == "host") return host;
    size_t dot = host->find('.');
    return dot == std::string::npos ? *host : host->substr(dot + 1);
  }
  return std::nullopt;
}

std::optional<std::string> LdaHost::SpecialUseMailbox(std::string_view flag) const {
  return store_.SpecialUseMailbox(flag);
}

std::optional<std::string> LdaHost::Setting(std::string_view key) const {
  auto it = settings_.find(std::string(key));
  if (it == settings_.end()) return std::nullopt;
  return it->second;
}

bool LdaHost::TrackingSeen(std::string_view key) const { return tracking_.Seen(key, Now()); }

void LdaHost::TrackingMark(std::string_view key, std::chrono::system_clock::time_point expires) {
  (void)tracking_.Mark(key, expires, Now());  // a lost mark only means one more reply
}

base::Result<base::ProgramExit> LdaHost::RunProgram(const sieve::ProgramRequest& request) {
  base::ProgramRun run = request.run;
  run.env.push_back("HOME=" + home_);
  run.env.push_back("USER=" + user_);
  run.env.push_back("HOST=" + Setting("hostname").value_or(""));
  return base::RunProgramInDirectory(
      Setting("sieve_" + request.kind + "_bin_dir").value_or(""), request.name, std::move(run));
}

}  // namespace lda
