// Storage figures (issue 5): durable Maildir appends per second next to the disk's own fsync
// rate (the physical limit: each durable append needs at least one file and one directory
// fsync), and a listing (Sync) of a large mailbox. Run from the build tree; the mailboxes live
// under $TMPDIR (default /tmp), so the figures are those of that disk.
#include <fcntl.h>
#include <unistd.h>

#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>

#include "base/testing/temp_dir.h"
#include "storage/maildir.h"

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

// Listing a mailbox of N messages whose UIDs are known (dovecot-uidlist up to date): a
// directory scan plus the uidlist, no per-message stat beyond the directory entries.
void BM_MaildirList(benchmark::State& state) {
  base::testing::TempDir dir;
  auto box = storage::Maildir::Open(dir.path(), {.create = true});
  // Setup writes the files directly (no fsync): only the listing is measured.
  for (int64_t i = 0; i < state.range(0); ++i) {
    std::string name = dir.path() + "/cur/1700000000.M" + std::to_string(i) + "P1Q1.bench,S=10:2,S";
    int fd = open(name.c_str(), O_WRONLY | O_CREAT, 0600);
    if (fd < 0 || write(fd, "Subject: x", 10) != 10) {
      state.SkipWithError("setup failed");
      return;
    }
    close(fd);
  }
  if (!box->Sync()) {
    state.SkipWithError("first sync failed");
    return;
  }
  for (auto _ : state) {
    auto listed = box->Sync();
    if (!listed || listed->size() != static_cast<size_t>(state.range(0))) {
      state.SkipWithError("sync failed");
      break;
    }
  }
  state.counters["messages"] = static_cast<double>(state.range(0));
}
BENCHMARK(BM_MaildirList)->Arg(100'000)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
