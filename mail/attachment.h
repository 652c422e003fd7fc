// Whether a message carries an attachment, as Dovecot decides for
// `mail_attachment_detection_options = add-flags` (the $HasAttachment / $HasNoAttachment
// keywords set when a message is saved): a part below the top that is declared an attachment
// (Content-Disposition: attachment) or names a file (a filename or name parameter).
#pragma once

#include "mail/message.h"

namespace mail {

bool HasAttachment(const Message& message);

// The keyword Dovecot's add-flags option stores for `message`.
inline const char* AttachmentKeyword(const Message& message) {
  return HasAttachment(message) ? "$HasAttachment" : "$HasNoAttachment";
}

}  // namespace mail
