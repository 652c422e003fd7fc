// Storage figures (issue 5): durable Maildir appends per second next to the disk's own fsync
// rate (the physical limit: each durable append needs at least one file and one directory
// fsync), and a listing (Sync) of a large mailbox. Run from the build tree; the mailboxes live
// under $TMPDIR (default /tmp), so the figures are those of that disk.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <benchmark/benchmark.h>

#include <ctime>
#include <filesystem>
#include <memory>
#include <string>

#include "base/testing/temp_dir.h"
#include "storage/maildir.h"
#include "storage/script_store.h"

namespace {

std::string Message4k() {
  std::string m = "From: bench@example.com\r\nSubject: append benchmark\r\n\r\n";
  while (m.size() < 4096) m += "The quick brown fox jumps over the lazy dog.\r\n";
  return m;
}

// The disk's rate of 4 KiB write + fsync on a fresh file, the way an append writes.
void BM_DiskFsync4k(benchmark::State& state) {
  base::testing::TempDir dir;
  const std::string data(4096, 'x');
  int n = 0;
  for (auto _ : state) {
    std::string path = dir.path() + "/f" + std::to_string(n++);
    int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd < 0 || write(fd, data.data(), data.size()) != 4096 || fsync(fd) != 0) {
      state.SkipWithError("write/fsync failed");
      break;
    }
    close(fd);
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["fsyncs_per_s"] = benchmark::Counter(state.iterations(), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_DiskFsync4k)->UseRealTime();

// The floor under bench/managesieve-load: only the disk work of its two writing commands
// (PUTSCRIPT: temporary, fsync, rename, directory fsync; SETACTIVE: new link, rename,
// directory fsync), four users at once as in the load. rounds_per_s x 5 is what the whole
// five-command mix could reach if reading, compiling and the network cost nothing.
void BM_ScriptPutActivate(benchmark::State& state) {
  base::testing::TempDir home;
  storage::ScriptStore store(home.path() + "/sieve", home.path() + "/.dovecot.sieve");
  std::string script = "require \"fileinto\";\r\n";
  for (int k = 0; k < 50; ++k) {
    script += "if header :contains \"subject\" \"topic-" + std::to_string(k) + "\" { stop; }\r\n";
  }
  int round = 0;
  for (auto _ : state) {
    std::string name = "s" + std::to_string(round % 5);
    std::string text = script + "# round " + std::to_string(round++) + "\r\n";
    if (!store.Put(name, text).ok() || !store.Activate(name).ok()) {
      state.SkipWithError("put/activate failed");
      break;
    }
  }
  state.counters["rounds_per_s"] = benchmark::Counter(state.iterations(), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ScriptPutActivate)->Threads(4)->UseRealTime();

void BM_MaildirAppend4k(benchmark::State& state) {
  base::testing::TempDir dir;
  auto box = storage::Maildir::Open(dir.path(), {.create = true});
  const std::string message = Message4k();
  for (auto _ : state) {
    if (!box->Append(message)) {
      state.SkipWithError("append failed");
      break;
    }
  }
  state.counters["messages_per_s"] =
      benchmark::Counter(state.iterations(), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_MaildirAppend4k)->UseRealTime();

// A mailbox of N messages with known UIDs whose files were written an hour ago (setup writes
// them directly, without fsync: only listing is measured).
std::unique_ptr<base::testing::TempDir> SettledMailbox(int64_t messages) {
  auto dir = std::make_unique<base::testing::TempDir>();
  auto box = storage::Maildir::Open(dir->path(), {.create = true});
  for (int64_t i = 0; i < messages; ++i) {
    std::string name = dir->path() + "/cur/1700000000.M" + std::to_string(i) + "P1Q1.bench,S=10:2,S";
    int fd = open(name.c_str(), O_WRONLY | O_CREAT, 0600);
    if (fd < 0 || write(fd, "Subject: x", 10) != 10) return nullptr;
    close(fd);
  }
  if (!box || !box->Sync()) return nullptr;
  const time_t hour_ago = time(nullptr) - 3600;
  timespec times[2] = {{hour_ago, 0}, {hour_ago, 0}};
  for (const char* p : {"/new", "/cur", "/dovecot-uidlist"}) {
    utimensat(AT_FDCWD, (dir->path() + p).c_str(), times, 0);
  }
  return dir;
}

// One listing; false (and the benchmark marked failed) unless it lists every message.
bool ListedAll(benchmark::State& state, storage::Maildir& box) {
  auto listed = box.Sync();
  if (listed && listed->size() == static_cast<size_t>(state.range(0))) return true;
  state.SkipWithError("sync failed");
  return false;
}

// Listing through a full sync: directory scan, uidlist, sizes from S= (no stat per message).
void BM_MaildirListScan(benchmark::State& state) {
  auto dir = SettledMailbox(state.range(0));
  auto box = storage::Maildir::Open(dir ? dir->path() : std::string("/nonexistent"));
  if (!dir || !box) {
    state.SkipWithError("setup failed");
    return;
  }
  for (auto _ : state) {
    state.PauseTiming();
    std::filesystem::remove(dir->path() + "/roost.index");
    state.ResumeTiming();
    if (!ListedAll(state, *box)) break;
  }
  state.counters["messages"] = static_cast<double>(state.range(0));
}
BENCHMARK(BM_MaildirListScan)->Arg(100'000)->Unit(benchmark::kMillisecond)->UseRealTime();

// Listing from roost.index: nothing changed since the last sync, no directory is scanned.
void BM_MaildirListIndexed(benchmark::State& state) {
  auto dir = SettledMailbox(state.range(0));
  auto box = storage::Maildir::Open(dir ? dir->path() : std::string("/nonexistent"));
  if (!dir || !box || !box->Sync()) {  // this sync writes the trusted index
    state.SkipWithError("setup failed");
    return;
  }
  for (auto _ : state) {
    if (!ListedAll(state, *box)) break;
  }
  state.counters["messages"] = static_cast<double>(state.range(0));
}
BENCHMARK(BM_MaildirListIndexed)->Arg(100'000)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
