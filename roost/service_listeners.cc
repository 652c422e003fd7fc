#include "roost/service_listeners.h"

#include <cstdlib>

namespace roost {
namespace {

std::string Value(const config::Section& section, std::string_view key) {
  const config::Setting* setting = section.Find(key);
  return setting != nullptr ? setting->value : std::string();
}

}  // namespace

base::Result<ServiceListeners> ListenersOf(const config::Settings& settings,
                                           std::string_view service) {
  ServiceListeners listeners;
  const std::string base_dir = settings.Get("base_dir");
  for (const config::Section* block :
       settings.config().root.FindSections("service", std::string(service))) {
    for (const config::Section& child : block->children) {
      if (child.type == "unix_listener") {
        net::UnixListenerOptions options;
        options.path = child.name.starts_with('/') ? child.name : base_dir + "/" + child.name;
        std::string mode = Value(child, "mode");
        if (!mode.empty()) {
          char* end = nullptr;
          unsigned long parsed = std::strtoul(mode.c_str(), &end, 8);
          if (*end != '\0' || parsed > 07777) {
            return base::Err(base::Status::InvalidArgument(
                "service " + std::string(service) + " unix_listener " + child.name +
                ": mode is not an octal number: " + mode));
          }
          options.mode = static_cast<unsigned>(parsed);
        }
        options.user = Value(child, "user");
        options.group = Value(child, "group");
        listeners.unix_listeners.push_back(std::move(options));
      } else if (child.type == "inet_listener") {
        std::string port_text = Value(child, "port");
        char* end = nullptr;
        unsigned long port = std::strtoul(port_text.c_str(), &end, 10);
        if (port_text.empty() || *end != '\0' || port > 65535) {
          return base::Err(base::Status::InvalidArgument(
              "service " + std::string(service) + " inet_listener " + child.name +
              ": port is not a number: '" + port_text + "'"));
        }
        if (port == 0) continue;
        std::string address = Value(child, "address");
        std::vector<std::string> addresses;
        if (address.empty()) {
          addresses = settings.GetList("listen");
        } else {
          for (char& c : address) {
            if (c == ',') c = ' ';
          }
          size_t start = 0;
          while (start < address.size()) {
            size_t space = address.find(' ', start);
            std::string item = address.substr(start, space - start);
            if (!item.empty()) addresses.push_back(item);
            if (space == std::string::npos) break;
            start = space + 1;
          }
        }
        for (const std::string& item : addresses) {
          listeners.inet_listeners.push_back({child.name, item, static_cast<uint16_t>(port)});
        }
      }
    }
  }
  return listeners;
}

}  // namespace roost
