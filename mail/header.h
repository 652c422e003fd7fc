// RFC 5322 header section: fields in order, names compared case-insensitively, values unfolded.
// Immutable after Parse; thread-compatible.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace mail {

struct HeaderSection;

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
  friend HeaderSection ParseHeaderSection(std::string_view raw);
  std::vector<HeaderField> fields_;
};

// A message or MIME part split into its parsed header section and the offset of its body.
struct HeaderSection {
  HeaderList headers;
  size_t body_offset = 0;  // first byte after the empty separator line; raw.size() if none
};

// Parses the header section at the start of `raw` (a whole message or MIME part). When the
// first line is neither a field nor empty, there is no header section and the whole input is
// body (a MIME part written without headers); a leading mbox "From " line is skipped. Never
// fails.
HeaderSection ParseHeaderSection(std::string_view raw);

// RFC 5322 §3.6.8 field-name: one or more printable US-ASCII characters except ':'.
bool IsFieldName(std::string_view name);

}  // namespace mail
