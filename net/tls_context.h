// The server side of TLS as Dovecot configures it: `ssl_cert = </path` and `ssl_key = </path`
// (PEM text, already read by the configuration), `ssl_min_protocol`, `ssl_cipher_list`.
// Kept behind a pointer so the heavy OpenSSL/Asio headers stay out of the servers' headers.
#pragma once

#include <memory>
#include <string>

#include "base/result.h"

namespace net {

struct TlsSettings {
  std::string cert_pem;
  std::string key_pem;
  std::string min_protocol = "TLSv1.2";  // SSLv3 TLSv1 TLSv1.1 TLSv1.2 TLSv1.3
  std::string cipher_list;                // empty: OpenSSL's default
};

class TlsContext {
 public:
  // InvalidArgument naming what is wrong: unreadable PEM, a key that does not match.
  static base::Result<std::shared_ptr<TlsContext>> Create(const TlsSettings& settings);
  ~TlsContext();

  // The asio::ssl::context, for ByteStream::StartTls.
  void* native() { return context_; }

 private:
  explicit TlsContext(void* context) : context_(context) {}
  void* context_;  // asio::ssl::context*
};

}  // namespace net
