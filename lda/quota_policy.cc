#include "lda/quota_policy.h"

namespace lda {
namespace {

// A quota setting: the userdb field, else the plugin's.
std::optional<std::string> Setting(const std::map<std::string, std::string>& plugin,
                                   const auth::Fields& userdb, const std::string& name) {
  if (const std::string* field = auth::FindField(userdb, name)) return *field;
  if (auto it = plugin.find(name); it != plugin.end()) return it->second;
  return std::nullopt;
}

}  // namespace

base::Result<std::optional<UserQuota>> UserQuota::For(
    const std::map<std::string, std::string>& plugin, const auth::Fields& userdb,
    const std::string& maildir_root) {
  std::optional<std::string> quota = Setting(plugin, userdb, "quota");
  if (!quota || quota->empty()) return std::optional<UserQuota>();
  std::string backend = quota->substr(0, quota->find(':'));
  if (backend != "maildir" && backend != "dirsize") {
    return base::Err(base::Status::InvalidArgument(
        "quota = " + *quota + ": Roost has the maildir and dirsize quota backends"));
  }
  storage::QuotaLimits limits;
  // quota_rule, quota_rule2, quota_rule3, ... until the first name set nowhere.
  for (int n = 1;; ++n) {
    std::string name = n == 1 ? "quota_rule" : "quota_rule" + std::to_string(n);
    std::optional<std::string> rule = Setting(plugin, userdb, name);
    if (!rule) break;
    if (rule->empty()) continue;
    base::Status applied = storage::ApplyQuotaRule(*rule, limits);
    if (!applied.ok()) {
      return base::Err(
          base::Status::InvalidArgument(name + " = " + *rule + ": " + applied.message()));
    }
  }
  if (limits.storage == 0 && limits.messages == 0) return std::optional<UserQuota>();
  // Dovecot's default quota_grace is 10% (of the storage limit).
  std::string grace_text = Setting(plugin, userdb, "quota_grace").value_or("10%");
  auto grace = storage::ParseQuotaGrace(grace_text.empty() ? "0" : grace_text, limits);
  if (!grace) {
    return base::Err(base::Status::InvalidArgument("quota_grace = " + grace_text + ": " +
                                                   grace.error().message()));
  }
  std::string message = Setting(plugin, userdb, "quota_exceeded_message").value_or("");
  return std::optional<UserQuota>(UserQuota(backend == "maildir", maildir_root, limits, *grace,
                                            message.empty() ? kQuotaExceededMessage : message));
}

base::Result<storage::QuotaUsage> UserQuota::Usage() {
  return maildirsize_ ? file_.Usage() : storage::CountMaildirUsage(root_);
}

base::Status UserQuota::CheckAppend(uint64_t size) {
  if (!found_) {
    auto usage = Usage();
    if (!usage) return usage.error();
    found_ = *usage;
  }
  return storage::CheckAppend(*found_, limits_, size, grace_);
}

void UserQuota::Recorded(uint64_t size) {
  // A failed record is recounted from the files next time (the limits line or size check).
  if (maildirsize_) (void)file_.Record(static_cast<int64_t>(size), 1);
}

base::Result<bool> UserQuota::Full() {
  auto usage = Usage();
  if (!usage) return base::Err(usage.error());
  return (limits_.storage != 0 && usage->bytes >= static_cast<int64_t>(limits_.storage)) ||
         (limits_.messages != 0 && usage->messages >= static_cast<int64_t>(limits_.messages));
}

}  // namespace lda
