#include "mail/attachment.h"

#include "mail/structured_header.h"

namespace mail {
namespace {

bool IsAttachment(const MimePart& part) {
  if (part.is_multipart()) return false;
  if (part.headers().Has("content-disposition")) {
    StructuredHeader h = ParseStructuredHeader(part.headers().GetFirst("content-disposition"));
    if (h.type == "attachment") return true;
    for (const auto& [name, value] : h.params) {
      if (name == "filename" && !value.empty()) return true;
    }
  }
  return !part.param("name").empty();
}

bool AnyBelow(const MimePart& part) {
  for (const auto& child : part.children()) {
    if (IsAttachment(*child) || AnyBelow(*child)) return true;
  }
  return false;
}

}  // namespace

bool HasAttachment(const Message& message) { return AnyBelow(message.mime_root()); }

}  // namespace mail
