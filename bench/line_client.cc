#include "bench/line_client.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

namespace bench {

LineClient::LineClient(int port) {
  fd_ = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    Fail("cannot connect to 127.0.0.1:" + std::to_string(port));
  }
  int one = 1;
  setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

LineClient::~LineClient() { close(fd_); }

void LineClient::Fail(const std::string& why) {
  std::fprintf(stderr, "load: %s\n", why.c_str());
  std::exit(1);
}

void LineClient::Send(const std::string& data) {
  size_t done = 0;
  while (done < data.size()) {
    ssize_t n = write(fd_, data.data() + done, data.size() - done);
    if (n <= 0) Fail("write failed");
    done += static_cast<size_t>(n);
  }
}

void LineClient::Fill() {
  buffer_.erase(0, start_);
  start_ = 0;
  char chunk[16384];
  ssize_t n = read(fd_, chunk, sizeof chunk);
  if (n <= 0) Fail("connection closed by the server");
  buffer_.append(chunk, static_cast<size_t>(n));
}

std::string LineClient::Line() {
  for (;;) {
    size_t lf = buffer_.find('\n', start_);
    if (lf != std::string::npos) {
      std::string line = buffer_.substr(start_, lf - start_);
      start_ = lf + 1;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      return line;
    }
    Fill();
  }
}

std::string LineClient::Exactly(size_t size) {
  while (buffer_.size() - start_ < size) Fill();
  std::string data = buffer_.substr(start_, size);
  start_ += size;
  return data;
}

}  // namespace bench
