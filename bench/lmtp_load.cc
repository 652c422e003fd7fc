// lmtp_load: the LMTP client of bench/lmtp-load. Delivers N messages over C connections (one
// thread each, blocking sockets, pipelined MAIL/RCPT/DATA), each to 1-3 of the users, with
// a subject the benchmark filter files by; every 20th message is 100 KiB, the rest 4 KiB.
// Prints one line: messages, recipient deliveries, seconds, messages/s, p50 and p99 of the
// transaction time (MAIL sent to the last recipient's reply). Any reply other than 250 is
// an error (exit 1): the figure counts only mail the server took.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "bench/line_client.h"

namespace {

using Clock = std::chrono::steady_clock;

struct Options {
  int port = 0;
  int messages = 2000;
  int connections = 4;
  int users = 10;
  std::string domain = "bench.test";
};

// The last line of the next reply.
std::string Reply(bench::LineClient& conn) {
  for (;;) {
    std::string line = conn.Line();
    if (line.size() < 4 || line[3] != '-') return line;
  }
}

std::string Body(int index, size_t size) {
  std::string text = "From: sender" + std::to_string(index % 7) + "@example.net\r\n" +
                     "To: list@example.org\r\nSubject: topic-" + std::to_string(index % 60) +
                     " update " + std::to_string(index) + "\r\nMessage-ID: <" +
                     std::to_string(index) + "@lmtp-load>\r\nDate: Mon, 23 Nov 2026 10:00:00 +0000\r\n\r\n";
  std::string line(72, 'a' + static_cast<char>(index % 26));
  while (text.size() < size) text += line + "\r\n";
  return text + ".\r\n";
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) bench::LineClient::Fail("missing value for " + arg);
      return argv[++i];
    };
    if (arg == "--help") {
      std::printf(
          "Usage: lmtp_load --port PORT [--messages N] [--connections C] [--users U]\n"
          "                 [--domain D]\n"
          "Delivers N messages (default 2000; every 20th 100 KiB, else 4 KiB) over C\n"
          "connections (4) to 1-3 of the users u0..u<U-1>@D (10, bench.test) and prints\n"
          "messages, recipients, seconds, messages/s, p50 and p99 latency in ms.\n"
          "Exit status: 0 every recipient got 250; 1 any other reply or a broken connection.\n");
      return 0;
    }
    if (arg == "--port") options.port = std::atoi(value().c_str());
    else if (arg == "--messages") options.messages = std::atoi(value().c_str());
    else if (arg == "--connections") options.connections = std::atoi(value().c_str());
    else if (arg == "--users") options.users = std::atoi(value().c_str());
    else if (arg == "--domain") options.domain = value();
    else bench::LineClient::Fail("unknown argument " + arg + " (see --help)");
  }
  if (options.port <= 0) bench::LineClient::Fail("--port is required");

  // Bodies are made before the clock starts.
  std::vector<std::string> bodies(static_cast<size_t>(options.messages));
  for (int i = 0; i < options.messages; ++i) {
    bodies[static_cast<size_t>(i)] = Body(i, i % 20 == 19 ? 100 * 1024 : 4 * 1024);
  }
  std::atomic<int> next{0};
  std::atomic<long> recipients{0};
  std::mutex mutex;
  std::vector<double> latencies;
  auto start = Clock::now();
  std::vector<std::thread> threads;
  for (int c = 0; c < options.connections; ++c) {
    threads.emplace_back([&]() {
      bench::LineClient conn(options.port);
      Reply(conn);
      conn.Send("LHLO lmtp-load\r\n");
      Reply(conn);
      std::vector<double> mine;
      for (int i = next++; i < options.messages; i = next++) {
        int count = 1 + i % 3;
        std::string command = "MAIL FROM:<sender" + std::to_string(i % 7) + "@example.net>\r\n";
        for (int r = 0; r < count; ++r) {
          command += "RCPT TO:<u" + std::to_string((i + r * 3) % options.users) + "@" +
                     options.domain + ">\r\n";
        }
        command += "DATA\r\n";
        auto t0 = Clock::now();
        conn.Send(command);
        for (int k = 0; k < count + 2; ++k) {
          std::string reply = Reply(conn);
          char want = k == count + 1 ? '3' : '2';
          if (reply.empty() || reply[0] != want) bench::LineClient::Fail("unexpected reply: " + reply);
        }
        conn.Send(bodies[static_cast<size_t>(i)]);
        for (int r = 0; r < count; ++r) {
          std::string reply = Reply(conn);
          if (!reply.starts_with("250")) bench::LineClient::Fail("message " + std::to_string(i) + ": " + reply);
        }
        mine.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
        recipients += count;
      }
      conn.Send("QUIT\r\n");
      std::lock_guard lock(mutex);
      latencies.insert(latencies.end(), mine.begin(), mine.end());
    });
  }
  for (auto& thread : threads) thread.join();
  double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  std::sort(latencies.begin(), latencies.end());
  auto at = [&](double q) {
    return latencies.empty() ? 0.0 : latencies[static_cast<size_t>(q * (latencies.size() - 1))];
  };
  std::printf("messages=%d recipients=%ld seconds=%.3f msgs_per_s=%.1f p50_ms=%.2f p99_ms=%.2f\n",
              options.messages, recipients.load(), seconds, options.messages / seconds, at(0.5),
              at(0.99));
  return 0;
}
