// Bounds on what delivery reads from its peers (house rule 5).
#pragma once

#include <cstddef>

namespace lda {

// An SMTP reply line the MTA sends (RFC 5321 §4.5.3.1.5 allows 512 octets; servers send more
// in EHLO keyword lines, so there is room to spare).
inline constexpr size_t kSmtpMaxReplyLine = 4096;
// Lines of one multi-line reply (an EHLO list).
inline constexpr size_t kSmtpMaxReplyLines = 100;

}  // namespace lda
