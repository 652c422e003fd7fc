#include "mail/html_text.h"

#include "base/strings.h"

namespace mail {

std::string HtmlToText(std::string_view html) {
  std::string out;
  bool in_tag = false;
  auto space = [&] {
    if (!out.empty() && out.back() != ' ') out += ' ';
  };
  for (char c : html) {
    if (c == '<') {
      in_tag = true;
    } else if (c == '>' && in_tag) {
      in_tag = false;
      space();
    } else if (!in_tag) {
      if (base::IsAsciiSpace(c)) {
        space();
      } else {
        out += c;
      }
    }
  }
  return out;
}

bool IsHtmlPart(const MimePart& part) {
  return part.content_type() == "text/html" || part.content_type() == "application/xhtml+xml";
}

}  // namespace mail
