// The text a reader sees in an HTML part, for filters that look at message text (body :text,
// extracttext): tags removed, each tag a word break, white space collapsed.
#pragma once

#include <string>
#include <string_view>

#include "mail/mime.h"

namespace mail {

std::string HtmlToText(std::string_view html);
// text/html or application/xhtml+xml.
bool IsHtmlPart(const MimePart& part);

}  // namespace mail
