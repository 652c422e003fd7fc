// Durability and concurrency of Maildir appends with real processes (issue 5 acceptance):
//  - a delivering process killed with SIGKILL at random moments loses nothing it acknowledged
//    and leaves no partial file in new/ or cur/;
//  - 4 writer and 2 reader processes on one mailbox: every message gets one UID, in order.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <charconv>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <thread>

#include "base/fs.h"
#include "base/testing/temp_dir.h"
#include "storage/maildir.h"

namespace storage {
namespace {

namespace fs = std::filesystem;

// Message n: its number in the header and a body that ends in a known trailer, so a cut-off
// file is recognisable.
std::string MessageFor(int n) {
  std::string body(1000 + (n * 37) % 3000, static_cast<char>('a' + n % 26));
  return "Message-ID: <" + std::to_string(n) + "@stress>\r\n\r\n" + body + "\r\nEND " +
         std::to_string(n) + "\r\n";
}

std::optional<int> NumberOf(std::string_view content) {
  if (!content.starts_with("Message-ID: <")) return std::nullopt;
  int n = -1;
  std::from_chars(content.data() + 13, content.data() + content.size(), n);
  return n >= 0 && content == MessageFor(n) ? std::optional<int>(n) : std::nullopt;
}

// The child: appends messages first, first+1, ... and after each acknowledged append writes
// "n file\n" to the acknowledgement pipe. Never returns.
[[noreturn]] void Deliver(const std::string& maildir, int first, int ack_fd) {
  auto box = Maildir::Open(maildir);
  for (int n = first;; ++n) {
    if (!box) _exit(2);
    auto file = box->Append(MessageFor(n));
    if (!file) _exit(3);
    std::string line = std::to_string(n) + " " + *file + "\n";
    if (write(ack_fd, line.data(), line.size()) != static_cast<ssize_t>(line.size())) _exit(4);
  }
}

TEST(MaildirStressTest, SigkillLosesNoAcknowledgedAppend) {
  base::testing::TempDir dir;
  ASSERT_TRUE(Maildir::Open(dir.path(), {.create = true}));
  std::mt19937 random(20261122);
  std::map<int, std::string> acknowledged;
  int next = 0, kills = 0;
  while (acknowledged.size() < 200 || kills < 20) {
    int fds[2];
    ASSERT_EQ(pipe(fds), 0);
    pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      close(fds[0]);
      Deliver(dir.path(), next, fds[1]);
    }
    close(fds[1]);
    std::this_thread::sleep_for(std::chrono::microseconds(random() % 20000));
    kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status)) << "the delivering process failed by itself";
    ++kills;
    std::string acks;
    char buffer[4096];
    for (ssize_t n; (n = read(fds[0], buffer, sizeof buffer)) > 0;) acks.append(buffer, static_cast<size_t>(n));
    close(fds[0]);
    std::istringstream lines(acks);
    int n;
    std::string file;
    while (lines >> n >> file) {
      acknowledged[n] = file;
      next = std::max(next, n + 1);
    }
    next += 1;  // the append in flight when killed may or may not have landed: skip its number
  }
  // Every acknowledged message is there, whole.
  for (const auto& [n, file] : acknowledged) {
    auto content = base::ReadFile(dir.path() + "/" + file);
    ASSERT_TRUE(content) << "acknowledged message " << n << " is missing: " << file;
    EXPECT_EQ(NumberOf(*content), n) << file;
  }
  // Nothing partial is visible to readers: new/ and cur/ hold only whole messages.
  for (const char* sub : {"new", "cur"}) {
    for (const auto& entry : fs::directory_iterator(dir.path() + "/" + sub)) {
      auto content = base::ReadFile(entry.path().string());
      ASSERT_TRUE(content);
      EXPECT_TRUE(NumberOf(*content).has_value()) << "partial file " << entry.path();
    }
  }
  auto box = Maildir::Open(dir.path());
  auto listed = box->Sync();
  ASSERT_TRUE(listed);
  EXPECT_GE(listed->size(), acknowledged.size());
}

TEST(MaildirStressTest, FourWritersTwoReadersTenThousandMessages) {
  base::testing::TempDir dir;
  ASSERT_TRUE(Maildir::Open(dir.path(), {.create = true}));
  constexpr int kWriters = 4, kReaders = 2, kMessages = 10'000;
  std::vector<pid_t> children;
  for (int w = 0; w < kWriters; ++w) {
    pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      auto box = Maildir::Open(dir.path());
      for (int n = w; n < kMessages; n += kWriters) {
        if (!box || !box->Append(MessageFor(n))) _exit(1);
        if (n % 97 == 0 && !box->Sync()) _exit(2);  // writers assign UIDs too, as IMAP would
      }
      _exit(0);
    }
    children.push_back(child);
  }
  for (int r = 0; r < kReaders; ++r) {
    pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      auto box = Maildir::Open(dir.path());
      uint32_t last_max = 0;
      for (int i = 0; i < 200; ++i) {
        auto listed = box ? box->Sync() : base::Result<std::vector<MaildirMessage>>();
        if (!box || !listed) _exit(1);
        for (size_t k = 1; k < listed->size(); ++k) {
          if ((*listed)[k - 1].uid >= (*listed)[k].uid) _exit(3);
        }
        // UIDs only grow: a reader never sees the highest UID go down.
        if (!listed->empty()) {
          if (listed->back().uid < last_max) _exit(4);
          last_max = listed->back().uid;
        }
      }
      _exit(0);
    }
    children.push_back(child);
  }
  for (pid_t child : children) {
    int status = 0;
    waitpid(child, &status, 0);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "child exit " << status;
  }
  auto box = Maildir::Open(dir.path());
  auto listed = box->Sync();
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->size(), static_cast<size_t>(kMessages));
  std::set<int> numbers;
  for (size_t k = 0; k < listed->size(); ++k) {
    if (k > 0) {
      ASSERT_LT((*listed)[k - 1].uid, (*listed)[k].uid);
    }
    auto content = base::ReadFile(dir.path() + "/" + (*listed)[k].file);
    ASSERT_TRUE(content);
    std::optional<int> n = NumberOf(*content);
    ASSERT_TRUE(n.has_value());
    numbers.insert(*n);
  }
  EXPECT_EQ(numbers.size(), static_cast<size_t>(kMessages));  // each message exactly once
}

}  // namespace
}  // namespace storage
