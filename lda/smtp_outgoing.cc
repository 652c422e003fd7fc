#include "lda/smtp_outgoing.h"

#include <cerrno>
#include <cstring>

#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "base/strings.h"
#include "lda/limits.h"

namespace lda {

base::Result<SubmissionTarget> ParseSubmissionHost(std::string_view value) {
  value = base::TrimWhitespace(value);
  SubmissionTarget target;
  std::string_view port;
  if (value.starts_with('[')) {
    size_t close = value.find(']');
    if (close == std::string_view::npos) {
      return base::Err(base::Status::InvalidArgument("submission_host: missing ']'"));
    }
    target.host = std::string(value.substr(1, close - 1));
    std::string_view rest = value.substr(close + 1);
    if (!rest.empty()) {
      if (rest.front() != ':') {
        return base::Err(base::Status::InvalidArgument("submission_host: junk after ']'"));
      }
      port = rest.substr(1);
    }
  } else if (size_t colon = value.find(':'); colon != std::string_view::npos &&
                                             value.find(':', colon + 1) == std::string_view::npos) {
    target.host = std::string(value.substr(0, colon));
    port = value.substr(colon + 1);
  } else {
    target.host = std::string(value);
  }
  if (target.host.empty()) {
    return base::Err(base::Status::InvalidArgument("submission_host: no host"));
  }
  if (!port.empty() || value.ends_with(':')) {
    auto number = base::ParseUint64(port);
    if (!number || *number == 0 || *number > 65535) {
      return base::Err(base::Status::InvalidArgument("submission_host: invalid port '" +
                                                     std::string(port) + "'"));
    }
    target.port = std::to_string(*number);
  }
  return target;
}

std::string SmtpDataPayload(std::string_view message) {
  std::string out;
  out.reserve(message.size() + message.size() / 50 + 8);
  size_t start = 0;
  while (start < message.size()) {
    size_t end = message.find('\n', start);
    std::string_view line =
        message.substr(start, end == std::string_view::npos ? end : end - start);
    start = end == std::string_view::npos ? message.size() : end + 1;
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (line.starts_with('.')) out += '.';
    out += line;
    out += "\r\n";
  }
  out += ".\r\n";
  return out;
}

namespace {

struct Reply {
  int code = 0;
  std::vector<std::string> lines;  // the text after "NNN-" / "NNN "
  std::string Text() const {
    std::string text = std::to_string(code);
    for (const std::string& line : lines) text += " " + line;
    return text;
  }
};

// One SMTP connection: non-blocking socket, every wait bounded by the timeout.
class SmtpConnection {
 public:
  explicit SmtpConnection(std::chrono::milliseconds timeout) : timeout_(timeout) {}
  ~SmtpConnection() {
    if (fd_ >= 0) close(fd_);
  }
  SmtpConnection(const SmtpConnection&) = delete;
  SmtpConnection& operator=(const SmtpConnection&) = delete;

  base::Status Connect(const SubmissionTarget& target);
  base::Status Write(std::string_view data);
  base::Result<Reply> ReadReply();

 private:
  // False on timeout or a poll error.
  bool Wait(short events) const;
  base::Result<std::string> ReadLine();

  std::chrono::milliseconds timeout_;
  int fd_ = -1;
  std::string buffer_;
};

bool SmtpConnection::Wait(short events) const {
  pollfd p{.fd = fd_, .events = events, .revents = 0};
  for (;;) {
    int n = poll(&p, 1, static_cast<int>(timeout_.count()));
    if (n < 0 && errno == EINTR) continue;
    return n > 0;
  }
}

base::Status SmtpConnection::Connect(const SubmissionTarget& target) {
  addrinfo hints{};
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  int looked_up = getaddrinfo(target.host.c_str(), target.port.c_str(), &hints, &found);
  if (looked_up != 0) {
    return base::Status::Temporary("cannot resolve " + target.host + ": " +
                                   gai_strerror(looked_up));
  }
  std::string error = "no address";
  for (addrinfo* ai = found; ai != nullptr; ai = ai->ai_next) {
    fd_ = socket(ai->ai_family, ai->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, ai->ai_protocol);
    if (fd_ < 0) {
      error = std::strerror(errno);
      continue;
    }
    int soerr = 0;
    if (connect(fd_, ai->ai_addr, ai->ai_addrlen) != 0) {
      soerr = errno;
      if (soerr == EINPROGRESS && !Wait(POLLOUT)) {
        soerr = ETIMEDOUT;
      } else if (soerr == EINPROGRESS) {
        socklen_t len = sizeof soerr;
        if (getsockopt(fd_, SOL_SOCKET, SO_ERROR, &soerr, &len) != 0) soerr = errno;
      }
    }
    if (soerr == 0) break;
    error = std::strerror(soerr);
    close(fd_);
    fd_ = -1;
  }
  freeaddrinfo(found);
  if (fd_ < 0) return base::Status::Temporary("connect failed: " + error);
  return base::Status::Ok();
}

base::Status SmtpConnection::Write(std::string_view data) {
  if (fd_ < 0) return base::Status::Temporary("not connected");
  while (!data.empty()) {
    // MSG_NOSIGNAL: a server that hung up must not kill the delivery with SIGPIPE.
    ssize_t n = send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
    if (n > 0) {
      data.remove_prefix(static_cast<size_t>(n));
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      if (!Wait(POLLOUT)) return base::Status::Temporary("timed out writing");
      continue;
    }
    return base::Status::Temporary(std::string("write failed: ") + std::strerror(errno));
  }
  return base::Status::Ok();
}

base::Result<std::string> SmtpConnection::ReadLine() {
  for (;;) {
    if (size_t lf = buffer_.find('\n'); lf != std::string::npos) {
      std::string line = buffer_.substr(0, lf);
      buffer_.erase(0, lf + 1);
      if (line.ends_with('\r')) line.pop_back();
      return line;
    }
    if (buffer_.size() > kSmtpMaxReplyLine) {
      return base::Err(base::Status::Temporary("reply line too long"));
    }
    if (!Wait(POLLIN)) return base::Err(base::Status::Temporary("timed out waiting for a reply"));
    char chunk[4096];
    ssize_t n = recv(fd_, chunk, sizeof chunk, 0);
    if (n < 0 && (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK)) continue;
    if (n <= 0) return base::Err(base::Status::Temporary("connection closed by the server"));
    buffer_.append(chunk, static_cast<size_t>(n));
  }
}

// RFC 5321 §4.2: "NNN-text" continues a reply, "NNN text" (or "NNN") ends it.
base::Result<Reply> SmtpConnection::ReadReply() {
  Reply reply;
  for (;;) {
    auto line = ReadLine();
    if (!line) return base::Err(line.error());
    bool digits = line->size() >= 3 && base::IsAsciiDigit((*line)[0]) &&
                  base::IsAsciiDigit((*line)[1]) && base::IsAsciiDigit((*line)[2]);
    if (!digits || (line->size() > 3 && (*line)[3] != '-' && (*line)[3] != ' ')) {
      return base::Err(base::Status::Temporary("malformed reply: " + *line));
    }
    int code = std::stoi(line->substr(0, 3));
    if (reply.code != 0 && code != reply.code) {
      return base::Err(base::Status::Temporary("inconsistent reply codes: " + *line));
    }
    reply.code = code;
    reply.lines.push_back(line->size() > 4 ? line->substr(4) : std::string());
    if (line->size() <= 3 || (*line)[3] == ' ') return reply;
    if (reply.lines.size() >= kSmtpMaxReplyLines) {
      return base::Err(base::Status::Temporary("reply has too many lines"));
    }
  }
}

// Sends `command` (empty: only read, for the greeting) and wants a reply of class
// `want` (2 or 3).
base::Result<Reply> Exchange(SmtpConnection& smtp, const std::string& command, int want) {
  if (!command.empty()) {
    base::Status written = smtp.Write(command + "\r\n");
    if (!written.ok()) return base::Err(written);
  }
  auto reply = smtp.ReadReply();
  if (!reply) return reply;
  if (reply->code / 100 != want) {
    return base::Err(base::Status::Temporary((command.empty() ? std::string("greeting") : command) +
                                             ": " + reply->Text()));
  }
  return reply;
}

bool HasEightBit(std::string_view bytes) {
  for (char c : bytes) {
    if (static_cast<unsigned char>(c) >= 0x80) return true;
  }
  return false;
}

bool Announces(const Reply& ehlo, std::string_view keyword) {
  // The first line is the server's greeting text, the others one extension each.
  for (size_t i = 1; i < ehlo.lines.size(); ++i) {
    std::string_view line = ehlo.lines[i];
    std::string_view word = line.substr(0, line.find(' '));
    if (base::EqualsIgnoreCase(word, keyword)) return true;
  }
  return false;
}

base::Status Session(SmtpConnection& smtp, std::string_view helo_name, std::string_view from,
                     const std::vector<std::string>& to, std::string_view message) {
  if (auto greeting = Exchange(smtp, "", 2); !greeting) return greeting.error();
  auto ehlo = Exchange(smtp, "EHLO " + std::string(helo_name), 2);
  if (!ehlo) return ehlo.error();
  std::string mail = "MAIL FROM:<" + std::string(from) + ">";
  // RFC 6152 §3: 8-bit content is declared where the server takes it.
  if (Announces(*ehlo, "8BITMIME") && HasEightBit(message)) mail += " BODY=8BITMIME";
  // RFC 6531 §3.4: internationalized addresses need SMTPUTF8 on MAIL.
  bool utf8_address = HasEightBit(from);
  for (const std::string& rcpt : to) utf8_address = utf8_address || HasEightBit(rcpt);
  if (utf8_address && Announces(*ehlo, "SMTPUTF8")) mail += " SMTPUTF8";
  if (auto sent = Exchange(smtp, mail, 2); !sent) return sent.error();
  for (const std::string& rcpt : to) {
    if (auto sent = Exchange(smtp, "RCPT TO:<" + rcpt + ">", 2); !sent) return sent.error();
  }
  if (auto sent = Exchange(smtp, "DATA", 3); !sent) return sent.error();
  base::Status written = smtp.Write(SmtpDataPayload(message));
  if (!written.ok()) return written;
  auto accepted = smtp.ReadReply();
  if (!accepted) return accepted.error();
  if (accepted->code / 100 != 2) {
    return base::Status::Temporary("message not accepted: " + accepted->Text());
  }
  // The message is the server's now; a failed QUIT changes nothing.
  if (smtp.Write("QUIT\r\n").ok()) (void)smtp.ReadReply();
  return base::Status::Ok();
}

}  // namespace

base::Status SmtpOutgoing::Send(std::string_view from, const std::vector<std::string>& to,
                                std::string_view message) {
  std::string where = "submission_host " + target_.host + ":" + target_.port + ": ";
  if (to.empty()) return base::Status::InvalidArgument(where + "no recipients");
  SmtpConnection smtp(timeout_);
  base::Status done = smtp.Connect(target_);
  if (done.ok()) done = Session(smtp, helo_name_, from, to, message);
  if (done.ok()) return done;
  // RFC 5321 §4.1.1.10: QUIT ends a session the client gives up; best effort only.
  (void)smtp.Write("QUIT\r\n");
  return base::Status::Temporary(where + done.message());
}

}  // namespace lda
