#include "mail/structured_header.h"

#include "mail/internal/content_type.h"

namespace mail {

StructuredHeader ParseStructuredHeader(std::string_view value) {
  internal::ContentType parsed = internal::ParseStructuredValue(value);
  return {std::move(parsed.type), std::move(parsed.subtype), std::move(parsed.params)};
}

}  // namespace mail
