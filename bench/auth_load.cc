// A load client for an auth server speaking Dovecot's auth client protocol on a UNIX socket
// (`roost serve`'s auth-client listener, or Dovecot's own): N connections, each keeping K
// AUTH PLAIN requests outstanding as a login process multiplexing its clients does, for a
// fixed time; prints logins per second and the p50/p99 latency of a login (AUTH sent to OK
// read). Users are u<N>@bench.test with password p<N>, taken round robin; every password is
// right, so auth_failure_delay never applies (any FAIL is reported and makes the exit 1).
//   auth_load --socket PATH [--connections 4] [--pipeline 8] [--duration 10] [--users 10000]
//             [--prime]
// --prime first logs every user in once (untimed), so that a server's auth cache is warm.
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "auth/password_scheme.h"

namespace {

using Clock = std::chrono::steady_clock;

struct Options {
  std::string socket;
  int connections = 4, pipeline = 8, users = 10'000;
  double duration = 10;
  bool prime = false;
};

struct Connection {
  int fd = -1;
  bool ready = false;  // the server's handshake (up to DONE) has arrived
  std::string in, out;
  unsigned next_id = 1;
  std::unordered_map<unsigned, Clock::time_point> pending;
};

// What the run has seen: answers inside the timed window, and failures anywhere.
struct Tally {
  long ok = 0, failed = 0;
  std::vector<double> latencies_us;
  std::string first_failure;
};

// The load: which user comes next and whether new requests may still be sent.
struct Load {
  const Options& options;
  long next_user = 0;
  long issue_limit = -1;  // while priming: users 0..limit-1 once; -1 = no limit
  bool issuing = true;
  bool timing = false;
  Tally tally;
};

bool Fail(const std::string& what) {
  std::fprintf(stderr, "auth_load: %s\n", what.c_str());
  return false;
}

int Connect(const std::string& path) {
  int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  if (fd < 0 || path.size() >= sizeof addr.sun_path) return -1;
  std::memcpy(addr.sun_path, path.c_str(), path.size() + 1);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

// Queues AUTH requests until `conn` has the pipeline depth outstanding.
void TopUp(Load& load, Connection& conn) {
  while (load.issuing && conn.ready &&
         static_cast<int>(conn.pending.size()) < load.options.pipeline) {
    if (load.issue_limit >= 0 && load.next_user >= load.issue_limit) return;
    const long user = load.next_user++ % load.options.users;
    const std::string name = "u" + std::to_string(user) + "@bench.test";
    const std::string plain = std::string(1, '\0') + name + '\0' + "p" + std::to_string(user);
    const unsigned id = conn.next_id++;
    conn.out += "AUTH\t" + std::to_string(id) + "\tPLAIN\tservice=smtp\tsecured\tlip=127.0.0.1" +
                "\trip=127.0.0.1\tresp=" + auth::Base64Encode(plain) + "\n";
    conn.pending.emplace(id, Clock::now());
  }
}

// One line from the server. False for a protocol error.
bool HandleLine(Load& load, Connection& conn, std::string_view line) {
  if (!conn.ready) {
    conn.ready = line == "DONE";
    return true;
  }
  const bool ok = line.starts_with("OK\t");
  if (!ok && !line.starts_with("FAIL\t")) return Fail("unexpected line: " + std::string(line));
  std::string_view rest = line.substr(ok ? 3 : 5);
  auto it = conn.pending.find(static_cast<unsigned>(std::atol(std::string(rest).c_str())));
  if (it == conn.pending.end()) return Fail("answer for no request: " + std::string(line));
  if (ok && load.timing) {
    ++load.tally.ok;
    load.tally.latencies_us.push_back(
        std::chrono::duration<double, std::micro>(Clock::now() - it->second).count());
  } else if (!ok) {
    if (load.tally.failed++ == 0) load.tally.first_failure = std::string(line);
  }
  conn.pending.erase(it);
  return true;
}

bool Read(Load& load, Connection& conn) {
  char buffer[65536];
  ssize_t n = read(conn.fd, buffer, sizeof buffer);
  if (n == 0) return Fail("the server closed a connection");
  if (n < 0) return errno == EINTR || errno == EAGAIN || Fail(std::strerror(errno));
  conn.in.append(buffer, static_cast<size_t>(n));
  size_t start = 0;
  for (size_t end; (end = conn.in.find('\n', start)) != std::string::npos; start = end + 1) {
    if (!HandleLine(load, conn, std::string_view(conn.in).substr(start, end - start))) return false;
  }
  conn.in.erase(0, start);
  return true;
}

bool Write(Connection& conn) {
  ssize_t n = write(conn.fd, conn.out.data(), conn.out.size());
  if (n < 0) return errno == EINTR || errno == EAGAIN || Fail(std::strerror(errno));
  conn.out.erase(0, static_cast<size_t>(n));
  return true;
}

// The requests left unanswered, for the message when the server stops answering.
bool Stalled(const std::vector<Connection>& conns) {
  std::string what = "the server stopped answering; unanswered AUTH ids:";
  for (size_t i = 0; i < conns.size(); ++i) {
    what += " connection " + std::to_string(i + 1) + ":";
    for (const auto& [id, sent] : conns[i].pending) what += " " + std::to_string(id);
  }
  return Fail(what);
}

// Drives every connection until `done` says so or `limit` passes (false then).
template <typename Done>
bool Pump(Load& load, std::vector<Connection>& conns, Clock::time_point limit, Done done) {
  std::vector<pollfd> fds(conns.size());
  while (!done()) {
    if (Clock::now() > limit) return Stalled(conns);
    for (size_t i = 0; i < conns.size(); ++i) {
      TopUp(load, conns[i]);
      fds[i] = {conns[i].fd, static_cast<short>(POLLIN | (conns[i].out.empty() ? 0 : POLLOUT)), 0};
    }
    if (poll(fds.data(), fds.size(), 100) < 0 && errno != EINTR) return Fail(std::strerror(errno));
    for (size_t i = 0; i < conns.size(); ++i) {
      if ((fds[i].revents & POLLOUT) && !Write(conns[i])) return false;
      if ((fds[i].revents & (POLLIN | POLLHUP | POLLERR)) && !Read(load, conns[i])) return false;
    }
  }
  return true;
}

bool Idle(const std::vector<Connection>& conns) {
  return std::all_of(conns.begin(), conns.end(),
                     [](const Connection& c) { return c.ready && c.pending.empty(); });
}

bool ParseOptions(int argc, char** argv, Options& options) {
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&]() { return i + 1 < argc ? std::string(argv[++i]) : std::string(); };
    if (arg == "--socket")
      options.socket = value();
    else if (arg == "--connections")
      options.connections = std::atoi(value().c_str());
    else if (arg == "--pipeline")
      options.pipeline = std::atoi(value().c_str());
    else if (arg == "--users")
      options.users = std::atoi(value().c_str());
    else if (arg == "--duration")
      options.duration = std::atof(value().c_str());
    else if (arg == "--prime")
      options.prime = true;
    else
      return false;
  }
  return !options.socket.empty() && options.connections > 0 && options.connections < 1000 &&
         options.pipeline > 0 && options.users > 0 && options.duration > 0;
}

double Percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  return sorted[std::min(sorted.size() - 1, static_cast<size_t>(p * sorted.size()))];
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  if (!ParseOptions(argc, argv, options)) {
    std::fprintf(stderr,
                 "usage: auth_load --socket PATH [--connections N] [--pipeline K] "
                 "[--duration SECONDS] [--users N] [--prime]\n");
    return 64;
  }
  std::vector<Connection> conns(options.connections);
  for (size_t i = 0; i < conns.size(); ++i) {
    conns[i].fd = Connect(options.socket);
    if (conns[i].fd < 0) {
      Fail("cannot connect to " + options.socket + ": " + std::strerror(errno));
      return 1;
    }
    // Dovecot refuses a second connection with the PID of a live one: one per connection.
    conns[i].out = "VERSION\t1\t2\nCPID\t" + std::to_string(getpid() * 1000u + i) + "\n";
  }
  Load load{options};
  load.issuing = false;  // until every handshake is in
  const auto patience = std::chrono::seconds(60);
  if (!Pump(load, conns, Clock::now() + patience, [&] { return Idle(conns); })) return 1;
  load.issuing = true;
  if (options.prime) {
    load.issue_limit = options.users;
    auto start = Clock::now();
    if (!Pump(load, conns, start + patience + std::chrono::seconds(options.users / 100),
              [&] { return load.next_user >= options.users && Idle(conns); })) {
      return 1;
    }
    std::printf("primed %d users in %.2f s\n", options.users,
                std::chrono::duration<double>(Clock::now() - start).count());
    load.issue_limit = -1;
  }
  load.timing = true;
  const auto start = Clock::now();
  const auto end = start + std::chrono::duration_cast<Clock::duration>(
                               std::chrono::duration<double>(options.duration));
  if (!Pump(load, conns, end + patience, [&] { return Clock::now() >= end; })) return 1;
  const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  load.timing = false;
  load.issuing = false;
  if (!Pump(load, conns, Clock::now() + patience, [&] { return Idle(conns); })) return 1;
  for (Connection& conn : conns) close(conn.fd);

  std::vector<double>& lat = load.tally.latencies_us;
  std::sort(lat.begin(), lat.end());
  std::printf(
      "%.0f auths/s  (%ld ok in %.1f s; %d connections x %d pipelined; latency p50 %.2f ms,"
      " p99 %.2f ms)\n",
      load.tally.ok / elapsed, load.tally.ok, elapsed, options.connections, options.pipeline,
      Percentile(lat, 0.50) / 1000, Percentile(lat, 0.99) / 1000);
  if (load.tally.failed > 0) {
    std::fprintf(stderr, "auth_load: %ld logins failed, the first: %s\n", load.tally.failed,
                 load.tally.first_failure.c_str());
    return 1;
  }
  return 0;
}
