#include "mail/header.h"

#include <cstring>

#include "base/strings.h"

namespace mail {
namespace {

bool IsWsp(char c) { return c == ' ' || c == '\t'; }

// One physical line: `content` excludes the LF and a CR before it (CRLF and bare LF both end
// lines); `next` is the offset of the following line.
struct Line {
  std::string_view content;
  size_t next;
};

Line LineAt(std::string_view raw, size_t pos) {
  const char* start = raw.data() + pos;
  size_t left = raw.size() - pos;
  const void* lf = std::memchr(start, '\n', left);
  size_t len = lf ? static_cast<size_t>(static_cast<const char*>(lf) - start) : left;
  size_t next = lf ? pos + len + 1 : raw.size();
  if (len > 0 && start[len - 1] == '\r') --len;
  return {std::string_view(start, len), next};
}

// RFC 5322 §3.6.8: field-name is 1*ftext (printable ASCII but ':'); obs-optional (§4.5.8)
// allows WSP before the colon. Returns the name length, or npos when `line` is no field.
size_t FieldNameLength(std::string_view line, size_t* colon) {
  size_t i = 0;
  while (i < line.size() && line[i] > ' ' && line[i] < 0x7f && line[i] != ':') ++i;
  size_t name_len = i;
  while (i < line.size() && IsWsp(line[i])) ++i;
  if (name_len == 0 || i == line.size() || line[i] != ':') return std::string_view::npos;
  *colon = i;
  return name_len;
}

std::string_view TrimWsp(std::string_view s) {
  while (!s.empty() && IsWsp(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsWsp(s.back())) s.remove_suffix(1);
  return s;
}

// RFC 5322 §2.2.3: unfolding removes each line break that is followed by WSP. `head` is the
// value on the field's first line and `pos` the start of its first continuation line. Stores
// the trimmed value in `out` and returns the offset after the last continuation line.
size_t AssignUnfolded(std::string_view raw, std::string_view head, size_t pos, std::string& out) {
  size_t end = pos;
  while (end < raw.size() && IsWsp(raw[end])) end = LineAt(raw, end).next;
  out.reserve(head.size() + (end - pos));  // one allocation for the whole value
  out.assign(head);
  while (pos < end) {
    Line more = LineAt(raw, pos);
    out.append(more.content);
    pos = more.next;
  }
  size_t lead = out.find_first_not_of(" \t");
  if (lead == std::string::npos) {
    out.clear();
  } else {
    out.erase(out.find_last_not_of(" \t") + 1);
    out.erase(0, lead);
  }
  return end;
}

// Parses fields from `raw` into `out` and returns the body offset. With `detect_body`, a first
// line that is not a field means "no header section" (see ParseHeaderSection).
size_t ParseFields(std::string_view raw, bool detect_body, std::vector<HeaderField>& out) {
  out.reserve(16);
  size_t pos = 0;
  bool first = true;
  while (pos < raw.size()) {
    Line line = LineAt(raw, pos);
    if (line.content.empty()) return line.next;  // RFC 5322 §2.1: empty line ends the section
    size_t colon = 0;
    size_t name_len =
        IsWsp(line.content[0]) ? std::string_view::npos : FieldNameLength(line.content, &colon);
    if (name_len == std::string_view::npos) {
      if (first && detect_body && !line.content.starts_with("From ")) return 0;
      first = false;
      pos = line.next;  // junk or stray continuation line: skipped
      continue;
    }
    first = false;
    HeaderField& field = out.emplace_back();
    field.name.assign(line.content.data(), name_len);
    std::string_view head = line.content.substr(colon + 1);
    pos = line.next;
    if (pos >= raw.size() || !IsWsp(raw[pos])) {
      field.value.assign(TrimWsp(head));
      continue;
    }
    pos = AssignUnfolded(raw, head, pos, field.value);
  }
  return raw.size();
}

}  // namespace

HeaderList HeaderList::Parse(std::string_view header_block) {
  HeaderList list;
  (void)ParseFields(header_block, /*detect_body=*/false, list.fields_);  // offset unused here
  return list;
}

HeaderSection ParseHeaderSection(std::string_view raw) {
  HeaderSection section;
  section.body_offset = ParseFields(raw, /*detect_body=*/true, section.headers.fields_);
  return section;
}

std::vector<std::string_view> HeaderList::GetAll(std::string_view name) const {
  std::vector<std::string_view> values;
  for (const HeaderField& field : fields_) {
    if (base::EqualsIgnoreCase(field.name, name)) values.push_back(field.value);
  }
  return values;
}

std::string_view HeaderList::GetFirst(std::string_view name) const {
  for (const HeaderField& field : fields_) {
    if (base::EqualsIgnoreCase(field.name, name)) return field.value;
  }
  return {};
}

bool HeaderList::Has(std::string_view name) const {
  for (const HeaderField& field : fields_) {
    if (base::EqualsIgnoreCase(field.name, name)) return true;
  }
  return false;
}

bool IsFieldName(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name) {
    auto byte = static_cast<unsigned char>(c);
    if (byte < 33 || byte > 126 || c == ':') return false;
  }
  return true;
}

}  // namespace mail
