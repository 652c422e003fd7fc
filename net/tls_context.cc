#include "net/tls_context.h"

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <utility>

#include <boost/asio/ssl/context.hpp>

namespace net {
namespace {

namespace ssl = boost::asio::ssl;

std::string OpenSslError() {
  unsigned long code = ERR_get_error();
  if (code == 0) return "unknown error";
  char text[256];
  ERR_error_string_n(code, text, sizeof text);
  ERR_clear_error();
  return text;
}

int ProtocolVersion(const std::string& name) {
  if (name == "SSLv3") return SSL3_VERSION;
  if (name == "TLSv1") return TLS1_VERSION;
  if (name == "TLSv1.1") return TLS1_1_VERSION;
  if (name == "TLSv1.2" || name.empty()) return TLS1_2_VERSION;
  if (name == "TLSv1.3") return TLS1_3_VERSION;
  return -1;
}

}  // namespace

base::Result<std::shared_ptr<TlsContext>> TlsContext::Create(const TlsSettings& settings) {
  auto context = std::make_unique<ssl::context>(ssl::context::tls_server);
  SSL_CTX* native = context->native_handle();
  int version = ProtocolVersion(settings.min_protocol);
  if (version < 0) {
    return base::Err(base::Status::InvalidArgument("ssl_min_protocol: unknown protocol '" +
                                                   settings.min_protocol + "'"));
  }
  SSL_CTX_set_min_proto_version(native, version);
  SSL_CTX_set_options(native, SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION);
  if (!settings.cipher_list.empty() &&
      SSL_CTX_set_cipher_list(native, settings.cipher_list.c_str()) != 1) {
    return base::Err(base::Status::InvalidArgument("ssl_cipher_list: " + OpenSslError()));
  }
  boost::system::error_code ec;
  context->use_certificate_chain(boost::asio::buffer(settings.cert_pem), ec);
  if (ec) {
    return base::Err(base::Status::InvalidArgument("ssl_cert: not a usable PEM certificate: " +
                                                   OpenSslError()));
  }
  context->use_private_key(boost::asio::buffer(settings.key_pem), ssl::context::pem, ec);
  if (ec) {
    return base::Err(base::Status::InvalidArgument("ssl_key: not a usable PEM private key: " +
                                                   OpenSslError()));
  }
  if (SSL_CTX_check_private_key(native) != 1) {
    return base::Err(base::Status::InvalidArgument("ssl_key does not match ssl_cert: " +
                                                   OpenSslError()));
  }
  return std::shared_ptr<TlsContext>(new TlsContext(context.release()));
}

TlsContext::~TlsContext() { delete static_cast<ssl::context*>(context_); }

}  // namespace net
