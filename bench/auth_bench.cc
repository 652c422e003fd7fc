// Auth figures: authentications per second through the real Authenticator::VerifyPlain (the
// passdb chain, the auth cache and the password check the auth server runs on its workers),
// for a passwd-file and for MySQL, with the cache cold (auth_cache_size = 0: every login reads
// the database) and warm (auth_cache_size = 10M, every user already cached, the same users
// logging in again). Each benchmark's label names the stored scheme: SSHA256 (one SHA-256, so
// the lookup path shows) and SHA512-CRYPT (5000 rounds, Dovecot's default, which dominates).
// The cache keeps the stored hash, not the verdict, so a warm login still verifies it.
//
// The passwd-files are generated in a temp dir at startup (users u<N>@bench.test, password
// p<N>). The MySQL benchmarks need ROOST_BENCH_SQL_CONF naming a dovecot-sql.conf.ext whose
// database holds those users (ROOST_BENCH_SQL_USERS of them, default 10000);
// bench/compare-auth.sh sets that up on a private MariaDB and runs them.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "auth/authenticator.h"
#include "auth/password_scheme.h"
#include "base/testing/temp_dir.h"
#include "config/config.h"

namespace {

constexpr size_t kWarmCacheBytes = 10 * 1024 * 1024;  // auth_cache_size = 10M
constexpr int kSshaUsers = 10'000;
// SHA512-CRYPT costs about a millisecond per hash, so its file is generated smaller.
constexpr int kCryptUsers = 1'000;

struct Users {
  std::vector<std::string> names, passwords;
};

Users MakeUsers(int count) {
  Users users;
  for (int i = 0; i < count; ++i) {
    users.names.push_back("u" + std::to_string(i) + "@bench.test");
    users.passwords.push_back("p" + std::to_string(i));
  }
  return users;
}

// A passwd-file of `users` with `scheme`; false when a hash or the write failed.
bool WritePasswdFile(const std::string& path, const Users& users, const std::string& scheme) {
  std::ofstream out(path);
  for (size_t i = 0; i < users.names.size(); ++i) {
    auto hash = auth::HashPassword(scheme, users.passwords[i]);
    if (!hash) return false;
    out << users.names[i] << ":" << *hash << "::::::\n";
  }
  return static_cast<bool>(out.flush());
}

// One configuration under test: the passdb section, its users and a label; `error` instead
// when it cannot run (no SQL configured, a database that did not open).
struct Subject {
  std::string passdb_conf;
  const Users* users = nullptr;
  std::string label;
};

// A subject with its Authenticator, cold (no cache) or warm (a 10M cache, filled on first use
// and kept across runs).
struct Target {
  const Subject* subject = nullptr;
  bool warm = false;
  std::unique_ptr<auth::Authenticator> auth;
  std::string error;
  bool filled = false;
};

std::unique_ptr<Target> MakeTarget(const Subject& subject, bool warm) {
  auto target = std::make_unique<Target>();
  target->subject = &subject;
  target->warm = warm;
  if (subject.users == nullptr) {
    target->error = subject.label;
    return target;
  }
  auto parsed = config::ParseString(subject.passdb_conf);
  if (!parsed) {
    target->error = parsed.error().message();
    return target;
  }
  auto databases = auth::OpenDatabases(*parsed);
  if (!databases) {
    target->error = databases.error().message();
    return target;
  }
  auth::AuthSettings settings;
  settings.cache_size = warm ? kWarmCacheBytes : 0;
  auto made = auth::Authenticator::Create(std::move(settings), std::move(*databases));
  if (made)
    target->auth = std::move(*made);
  else
    target->error = made.error().message();
  return target;
}

auth::AuthRequest Request(const std::string& user) {
  return {.user = user, .service = "smtp", .remote_ip = "127.0.0.1", .secured = true};
}

// Every user's passdb answer into the cache (before timing), so that the timed logins hit it.
bool Fill(Target& target) {
  const Users& users = *target.subject->users;
  for (size_t i = 0; i < users.names.size(); ++i) {
    auth::AuthOutcome outcome =
        target.auth->VerifyPlain(Request(users.names[i]), users.passwords[i]);
    if (outcome.status != auth::AuthOutcome::Status::kOk) return false;
  }
  return true;
}

// Logins with the right password through `target`. Each thread walks its own stride of the
// users, round robin, so every user logs in again and again. Thread 0 fills a warm cache
// first; the start of the timed loop is a barrier for the other threads.
void BM_Login(benchmark::State& state, Target* target) {
  if (target->auth == nullptr) {
    state.SkipWithError(target->error.c_str());
    return;
  }
  if (state.thread_index() == 0 && target->warm && !target->filled) {
    target->filled = Fill(*target);
  }
  const Users& users = *target->subject->users;
  const auto count = static_cast<int64_t>(users.names.size());
  auth::AuthCache& cache = target->auth->cache();
  const size_t hits = cache.hits(), misses = cache.misses();
  int64_t next = state.thread_index();
  size_t failures = 0;
  for (auto _ : state) {
    const int64_t i = next % count;
    next += state.threads();
    auth::AuthOutcome outcome =
        target->auth->VerifyPlain(Request(users.names[i]), users.passwords[i]);
    if (outcome.status != auth::AuthOutcome::Status::kOk) ++failures;
  }
  if (failures > 0) state.SkipWithError("a login with the right password failed");
  state.SetItemsProcessed(state.iterations());
  if (state.thread_index() == 0) {
    // Across all threads of this run (the others are done: the loop's end is a barrier).
    const double looked_up = static_cast<double>(cache.hits() - hits + cache.misses() - misses);
    state.counters["cache_hit_ratio"] =
        looked_up > 0 ? static_cast<double>(cache.hits() - hits) / looked_up : 0.0;
    state.SetLabel(target->subject->label + (target->warm ? ", cache warm" : ", cache cold"));
  }
}

void Register(const std::string& name, const Subject& subject,
              std::vector<std::unique_ptr<Target>>& targets) {
  for (bool warm : {false, true}) {
    targets.push_back(MakeTarget(subject, warm));
    benchmark::RegisterBenchmark((name + (warm ? "/warm" : "/cold")).c_str(), BM_Login,
                                 targets.back().get())
        ->Threads(1)
        ->Threads(2)
        ->Threads(4)
        ->UseRealTime();
  }
}

std::string PasswdFileConf(const std::string& path) {
  return "passdb {\n driver = passwd-file\n args = " + path + "\n}\n";
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  base::testing::TempDir dir;
  const Users ssha_users = MakeUsers(kSshaUsers);
  const Users crypt_users = MakeUsers(kCryptUsers);
  Subject ssha{PasswdFileConf(dir.path() + "/ssha256.users"), &ssha_users,
               "passwd-file, SSHA256, 10000 users"};
  Subject crypt{PasswdFileConf(dir.path() + "/sha512-crypt.users"), &crypt_users,
                "passwd-file, SHA512-CRYPT, 1000 users"};
  if (!WritePasswdFile(dir.path() + "/ssha256.users", ssha_users, "SSHA256") ||
      !WritePasswdFile(dir.path() + "/sha512-crypt.users", crypt_users, "SHA512-CRYPT")) {
    fprintf(stderr, "auth_bench: could not write the passwd-files under %s\n", dir.path().c_str());
    return 1;
  }
  Subject sql;
  Users sql_users;
  if (const char* conf = std::getenv("ROOST_BENCH_SQL_CONF"); conf != nullptr && *conf != '\0') {
    const char* count = std::getenv("ROOST_BENCH_SQL_USERS");
    sql_users = MakeUsers(count != nullptr ? std::atoi(count) : kSshaUsers);
    sql = {"passdb {\n driver = sql\n args = " + std::string(conf) + "\n}\n", &sql_users,
           "MySQL, " + std::to_string(sql_users.names.size()) + " users"};
  } else {
    sql.label =
        "MySQL skipped: set ROOST_BENCH_SQL_CONF to a dovecot-sql.conf.ext whose database holds "
        "u<N>@bench.test with password p<N> (bench/compare-auth.sh does)";
  }
  std::vector<std::unique_ptr<Target>> targets;
  Register("BM_Login/passwd-file/SSHA256", ssha, targets);
  Register("BM_Login/passwd-file/SHA512-CRYPT", crypt, targets);
  Register("BM_Login/mysql", sql, targets);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
