// RFC 5322 header section: fields in order, names compared case-insensitively, values unfolded.
// Immutable after Parse; thread-compatible.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mail {

struct HeaderField {
  std::string name;   // as written (case preserved)
  std::string value;  // unfolded (CRLF/LF before WSP removed), leading and trailing WSP trimmed
                      // — raw bytes, not RFC 2047-decoded
};

class HeaderList {
 public:
  HeaderList() = default;
  // Parses a header block (everything before the first empty line, with or without the
  // separator). Lines without a colon are skipped; never fails.
  static HeaderList Parse(std::string_view header_block);

  const std::vector<HeaderField>& fields() const { return fields_; }
  // Unfolded raw values of every field called `name` (case-insensitive), in message order.
  std::vector<std::string_view> GetAll(std::string_view name) const;
  // First such value, or empty view when absent (use Has to tell the difference).
  std::string_view GetFirst(std::string_view name) const;
  bool Has(std::string_view name) const;

 private:
  std::vector<HeaderField> fields_;
};

}  // namespace mail
