// managesieve_load: the client of bench/managesieve-load. C connections (one thread each), each
// logged in as its own user (u<i>, password "pw", AUTHENTICATE PLAIN), repeat the mix
// PUTSCRIPT, SETACTIVE, GETSCRIPT, LISTSCRIPTS, CHECKSCRIPT on a 50-rule script for the given
// number of rounds. Prints operations, seconds, operations/s and per-command latency. Any
// answer other than OK is an error (exit 1).
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "bench/line_client.h"

namespace {

using bench::LineClient;

std::string Base64(const std::string& in) {
  static constexpr char kTable[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (size_t i = 0; i < in.size(); i += 3) {
    uint32_t n = static_cast<uint8_t>(in[i]) << 16;
    if (i + 1 < in.size()) n |= static_cast<uint8_t>(in[i + 1]) << 8;
    if (i + 2 < in.size()) n |= static_cast<uint8_t>(in[i + 2]);
    out += kTable[(n >> 18) & 63];
    out += kTable[(n >> 12) & 63];
    out += i + 1 < in.size() ? kTable[(n >> 6) & 63] : '=';
    out += i + 2 < in.size() ? kTable[n & 63] : '=';
  }
  return out;
}

// Reads up to the status line (literal data included); exits unless it is OK.
void ExpectOk(LineClient& conn, const char* what) {
  for (;;) {
    std::string line = conn.Line();
    if (line.starts_with("OK")) return;
    if (line.starts_with("NO") || line.starts_with("BYE")) {
      LineClient::Fail(std::string(what) + ": " + line);
    }
    if (line.ends_with("}") && line.find('{') != std::string::npos) {
      size_t open = line.rfind('{');
      conn.Exactly(std::strtoul(line.c_str() + open + 1, nullptr, 10));
    }
  }
}

std::string Script() {
  std::string script = "require [\"fileinto\"];\r\n";
  for (int k = 0; k < 50; ++k) {
    script += "if header :contains \"subject\" \"topic-" + std::to_string(k) +
              " \" { fileinto \"Folder-" + std::to_string(k % 20) + "\"; stop; }\r\n";
  }
  return script;
}

}  // namespace

int main(int argc, char** argv) {
  int port = 0, connections = 4, rounds = 200;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--help") {
      std::printf(
          "Usage: managesieve_load --port PORT [--connections C] [--rounds R]\n"
          "C connections (4), user u<i> password pw each, R rounds (200) of PUTSCRIPT,\n"
          "SETACTIVE, GETSCRIPT, LISTSCRIPTS, CHECKSCRIPT on a 50-rule script. Prints\n"
          "operations, seconds, operations/s and the mean latency of each command in\n"
          "microseconds. Exit status: 0 every answer OK; 1 otherwise.\n");
      return 0;
    }
    if (i + 1 >= argc) LineClient::Fail("missing value for " + arg);
    int value = std::atoi(argv[++i]);
    if (arg == "--port") port = value;
    else if (arg == "--connections") connections = value;
    else if (arg == "--rounds") rounds = value;
    else LineClient::Fail("unknown argument " + arg + " (see --help)");
  }
  if (port <= 0) LineClient::Fail("--port is required");
  const std::string base_script = Script();
  // Every upload differs (a comment naming connection and round): no server can skip one.
  auto literal = [&](int c, int r) {
    std::string script = base_script + "# connection " + std::to_string(c) + " round " +
                         std::to_string(r) + "\r\n";
    return "{" + std::to_string(script.size()) + "+}\r\n" + script;
  };
  std::atomic<long> operations{0};
  // Mean latency per command, so a figure says where the time goes.
  static constexpr const char* kCommands[] = {"put", "setactive", "get", "list", "check"};
  std::atomic<long> micros[5] = {};
  std::vector<std::thread> threads;
  auto start = std::chrono::steady_clock::now();
  for (int c = 0; c < connections; ++c) {
    threads.emplace_back([&, c]() {
      LineClient conn(port);
      ExpectOk(conn, "greeting");
      std::string user = "u" + std::to_string(c);
      conn.Send("AUTHENTICATE \"PLAIN\" \"" + Base64(std::string("\0", 1) + user +
                                                      std::string("\0", 1) + "pw") + "\"\r\n");
      ExpectOk(conn, "AUTHENTICATE");
      for (int r = 0; r < rounds; ++r) {
        std::string name = "\"s" + std::to_string(r % 5) + "\"";
        const std::string commands[] = {"PUTSCRIPT " + name + " " + literal(c, r) + "\r\n",
                                        "SETACTIVE " + name + "\r\n", "GETSCRIPT " + name + "\r\n",
                                        "LISTSCRIPTS\r\n", "CHECKSCRIPT " + literal(c, r) + "\r\n"};
        for (int k = 0; k < 5; ++k) {
          auto sent = std::chrono::steady_clock::now();
          conn.Send(commands[k]);
          ExpectOk(conn, kCommands[k]);
          micros[k] += std::chrono::duration_cast<std::chrono::microseconds>(
                           std::chrono::steady_clock::now() - sent).count();
        }
        operations += 5;
      }
      conn.Send("LOGOUT\r\n");
    });
  }
  for (auto& thread : threads) thread.join();
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("operations=%ld seconds=%.3f ops_per_s=%.1f", operations.load(), seconds,
              operations.load() / seconds);
  long per_command = std::max(1L, operations.load() / 5);
  for (int k = 0; k < 5; ++k) std::printf(" %s_us=%ld", kCommands[k], micros[k].load() / per_command);
  std::printf("\n");
  return 0;
}
