#include "auth/ip_network.h"

#include <arpa/inet.h>

#include <cstring>
#include <optional>

#include "base/strings.h"

namespace auth {
namespace {

// IPv4 becomes ::ffff:a.b.c.d so one comparison serves both families.
std::optional<std::array<uint8_t, 16>> ParseAddress(std::string_view text, bool* v4) {
  std::string copy(text);
  std::array<uint8_t, 16> bytes{};
  in_addr a4{};
  if (inet_pton(AF_INET, copy.c_str(), &a4) == 1) {
    bytes[10] = bytes[11] = 0xff;
    std::memcpy(bytes.data() + 12, &a4, 4);
    if (v4 != nullptr) *v4 = true;
    return bytes;
  }
  if (inet_pton(AF_INET6, copy.c_str(), bytes.data()) == 1) {
    if (v4 != nullptr) *v4 = false;
    return bytes;
  }
  return std::nullopt;
}

}  // namespace

base::Result<IpNetworks> IpNetworks::Parse(std::string_view list) {
  IpNetworks networks;
  std::string normalized(list);
  for (char& c : normalized) {
    if (c == ',') c = ' ';
  }
  for (std::string_view word : base::SplitString(normalized, ' ')) {
    word = base::TrimWhitespace(word);
    if (word.empty()) continue;
    if (word == "local") {
      networks.local_ = true;
      continue;
    }
    size_t slash = word.find('/');
    bool v4 = false;
    auto address = ParseAddress(word.substr(0, slash), &v4);
    unsigned bits = 128;
    bool ok = address.has_value();
    if (ok && slash != std::string_view::npos) {
      auto prefix = base::ParseUint64(word.substr(slash + 1));
      ok = prefix.has_value() && *prefix <= (v4 ? 32u : 128u);
      if (ok) bits = static_cast<unsigned>(*prefix) + (v4 ? 96 : 0);
    }
    if (!ok) {
      return base::Err(base::Status::InvalidArgument("not an IP address or network: '" +
                                                     std::string(word) + "'"));
    }
    networks.networks_.push_back({*address, bits});
  }
  return networks;
}

bool IpNetworks::Contains(std::string_view ip) const {
  if (ip.empty()) return local_;
  auto address = ParseAddress(ip, nullptr);
  if (!address) return false;
  for (const Network& net : networks_) {
    unsigned full = net.bits / 8, rest = net.bits % 8;
    if (std::memcmp(address->data(), net.bytes.data(), full) != 0) continue;
    if (rest != 0) {
      uint8_t mask = static_cast<uint8_t>(0xff << (8 - rest));
      if (((*address)[full] & mask) != (net.bytes[full] & mask)) continue;
    }
    return true;
  }
  return false;
}

}  // namespace auth
