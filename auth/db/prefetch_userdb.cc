#include "auth/db/prefetch_userdb.h"

namespace auth {
namespace {

class PrefetchUserDb final : public UserDb {
 public:
  std::string_view driver() const override { return "prefetch"; }
  LookupResult Lookup(const AuthRequest&, const Fields& prefetched) override {
    if (prefetched.empty()) return LookupResult::NotFound();
    return LookupResult::Found(prefetched);
  }
};

}  // namespace

std::unique_ptr<UserDb> NewPrefetchUserDb() { return std::make_unique<PrefetchUserDb>(); }

}  // namespace auth
