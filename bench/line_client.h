// A blocking TCP client on loopback for the load generators (lmtp_load, managesieve_load):
// connect, send all, read CRLF lines and exact byte counts. Failures end the process with a
// message: a load figure is only printed when every exchange went as expected.
#pragma once

#include <cstdint>
#include <string>

namespace bench {

class LineClient {
 public:
  explicit LineClient(int port);
  ~LineClient();
  LineClient(const LineClient&) = delete;
  LineClient& operator=(const LineClient&) = delete;

  void Send(const std::string& data);
  std::string Line();               // without CRLF
  std::string Exactly(size_t size);  // `size` bytes

  [[noreturn]] static void Fail(const std::string& why);

 private:
  void Fill();
  int fd_;
  std::string buffer_;
  size_t start_ = 0;
};

}  // namespace bench
