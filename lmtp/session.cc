#include "lmtp/session.h"

#include <charconv>
#include <vector>

#include "base/log.h"
#include "lmtp/smtp_command.h"
#include "mail/address.h"
#include "mail/header.h"
#include "net/session_state.h"
#include "net/stream_reader.h"
#include "net/thread_pool_call.h"

namespace lmtp {
namespace {

namespace asio = net::asio;
using Clock = std::chrono::steady_clock;

using Shared = net::SessionState;

// A line of a message without a header section would be read as a header field once the
// trace fields are put in front of it; an empty line keeps it in the body.
bool StartsWithHeaderField(const std::string& body) {
  size_t end = body.find('\n');
  std::string_view first(body.data(), end == std::string::npos ? body.size() : end);
  if (first.empty()) return true;  // the body starts after an empty header section
  size_t colon = first.find(':');
  return colon != std::string_view::npos && mail::IsFieldName(first.substr(0, colon));
}

// GCC 12 miscompiles some `if (!co_await f())` (the coroutine resumed at a bad state:
// SIGILL on STARTTLS), so results of co_await are stored before they are tested.
class Session {
 public:
  Session(SessionContext& context, std::shared_ptr<Shared> shared, std::string id)
      : context_(context),
        shared_(std::move(shared)),
        stream_(shared_->stream),
        reader_(stream_),
        id_(std::move(id)),
        hostname_(context.delivery.settings().hostname) {}

  asio::awaitable<void> Run();

 private:
  enum class Next { kContinue, kClose };

  void Reply(std::string line) {
    out_ += line;
    out_ += "\r\n";
  }
  asio::awaitable<bool> Flush() {
    if (out_.empty()) co_return true;
    std::string data;
    data.swap(out_);
    co_return co_await stream_.Write(data);
  }
  asio::awaitable<net::StreamReader::Line> Read(size_t max) {
    shared_->busy = mail_given_;
    // A stopping server takes no new transaction.
    if (context_.registry.stopping() && !mail_given_) co_return net::StreamReader::Line{};
    shared_->reading = true;
    auto line = co_await reader_.ReadLine(max);
    shared_->reading = false;
    shared_->last_input = Clock::now();
    co_return line;
  }
  void ResetTransaction() {
    mail_given_ = false;
    sender_.clear();
    recipients_.clear();
    bdat_.clear();
    bdat_started_ = false;
    bdat_too_big_ = false;
  }
  Next BadCommand(std::string reply) {
    Reply(std::move(reply));
    if (++bad_commands_ >= context_.limits.max_bad_commands) {
      Reply("421 4.7.0 " + hostname_ + " Too many invalid commands, closing connection");
      return Next::kClose;
    }
    return Next::kContinue;
  }

  asio::awaitable<Next> Dispatch(const SmtpCommand& command);
  Next Lhlo(const std::string& args);
  Next Mail(const std::string& args);
  asio::awaitable<Next> Rcpt(const std::string& args);
  asio::awaitable<Next> Data(const std::string& args);
  asio::awaitable<Next> Bdat(const std::string& args);
  asio::awaitable<Next> StartTls(const std::string& args);
  asio::awaitable<void> DeliverAll(std::string body);

  SessionContext& context_;
  std::shared_ptr<Shared> shared_;
  net::ByteStream& stream_;
  net::StreamReader reader_;
  const std::string id_;
  const std::string& hostname_;
  std::string remote_ip_;
  std::string out_;
  std::string helo_;
  bool lhlo_done_ = false;
  bool mail_given_ = false;
  std::string sender_;
  std::vector<AcceptedRecipient> recipients_;
  std::string bdat_;
  bool bdat_started_ = false;
  bool bdat_too_big_ = false;
  size_t bad_commands_ = 0;
};

asio::awaitable<void> Session::Run() {
  remote_ip_ = stream_.PeerAddress();
  base::LogLine("lmtp<" + id_ + ">: connect from " + (remote_ip_.empty() ? "local" : remote_ip_));
  Reply("220 " + hostname_ + " Roost LMTP ready");
  for (;;) {
    if (!reader_.HasBuffered() || out_.size() > (1u << 20)) {
      bool flushed = co_await Flush();
      if (!flushed) break;
    }
    net::StreamReader::Line line = co_await Read(context_.limits.max_line_length);
    if (line.status == net::StreamReader::Status::kClosed) {
      if (shared_->timed_out) {
        Reply("421 4.4.2 " + hostname_ + " Disconnected for inactivity");
        co_await Flush();
        base::LogLine("lmtp<" + id_ + ">: disconnected for inactivity");
      } else if (context_.registry.stopping()) {
        Reply("421 4.3.2 " + hostname_ + " Server shutting down");
        co_await Flush();
        base::LogLine("lmtp<" + id_ + ">: closed: server shutting down");
      } else {
        base::LogLine("lmtp<" + id_ + ">: disconnected" +
                      (mail_given_ ? " in the middle of a transaction" : ""));
      }
      break;
    }
    if (line.status == net::StreamReader::Status::kTooLong) {
      if (BadCommand("500 5.5.2 Line too long") == Next::kClose) break;
      continue;
    }
    SmtpCommand command = SplitCommand(line.text);
    Next next = co_await Dispatch(command);
    if (next == Next::kClose) break;
  }
  co_await Flush();
  stream_.Close();
}

asio::awaitable<Session::Next> Session::Dispatch(const SmtpCommand& command) {
  const std::string& verb = command.verb;
  if (verb == "LHLO") co_return Lhlo(command.args);
  if (verb == "MAIL") co_return Mail(command.args);
  if (verb == "RCPT") co_return co_await Rcpt(command.args);
  if (verb == "DATA") co_return co_await Data(command.args);
  if (verb == "BDAT") co_return co_await Bdat(command.args);
  if (verb == "RSET") {
    ResetTransaction();
    Reply("250 2.0.0 OK");
    co_return Next::kContinue;
  }
  if (verb == "NOOP") {
    Reply("250 2.0.0 OK");
    co_return Next::kContinue;
  }
  if (verb == "VRFY") {
    Reply("252 2.3.3 Try RCPT instead");
    co_return Next::kContinue;
  }
  if (verb == "QUIT") {
    Reply("221 2.0.0 " + hostname_ + " Bye");
    co_return Next::kClose;
  }
  if (verb == "STARTTLS") co_return co_await StartTls(command.args);
  // RFC 2033 §4.1: an LMTP server must not answer HELO or EHLO as SMTP would.
  co_return BadCommand("500 5.5.2 Unknown command");
}

Session::Next Session::Lhlo(const std::string& args) {
  if (args.empty()) return BadCommand("501 5.5.4 Missing hostname");
  helo_ = args.substr(0, args.find(' '));
  lhlo_done_ = true;
  ResetTransaction();
  Reply("250-" + hostname_);
  Reply("250-8BITMIME");
  Reply("250-CHUNKING");
  Reply("250-DSN");
  Reply("250-ENHANCEDSTATUSCODES");
  Reply("250-PIPELINING");
  if (context_.tls != nullptr && !stream_.tls()) Reply("250-STARTTLS");
  Reply("250-SIZE " + std::to_string(context_.limits.max_message_size));
  Reply("250 SMTPUTF8");
  return Next::kContinue;
}

Session::Next Session::Mail(const std::string& args) {
  if (!lhlo_done_) return BadCommand("503 5.5.1 Send LHLO first");
  if (mail_given_) return BadCommand("503 5.5.1 MAIL already given");
  auto parsed = ParsePathArgument(args, "FROM:");
  if (!parsed) return BadCommand("501 5.5.4 Invalid parameters (MAIL FROM:<address> [params])");
  auto path = mail::ParseEnvelopePath(parsed->path);
  if (!path) return BadCommand("501 5.1.7 Invalid sender address " + parsed->path);
  for (const auto& [keyword, value] : parsed->params) {
    if (keyword == "SIZE") {
      uint64_t size = 0;
      auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), size);
      if (ec != std::errc() || end != value.data() + value.size()) {
        return BadCommand("501 5.5.4 Invalid SIZE parameter");
      }
      if (size > context_.limits.max_message_size) {
        Reply("552 5.3.4 Message size exceeds fixed maximum message size");
        return Next::kContinue;
      }
    } else if (keyword == "BODY") {
      if (value != "7BIT" && value != "8BITMIME" && value != "7bit" && value != "8bitmime") {
        return BadCommand("501 5.5.4 Unsupported BODY parameter " + value);
      }
    } else if (keyword != "SMTPUTF8" && keyword != "RET" && keyword != "ENVID" &&
               keyword != "AUTH") {
      return BadCommand("555 5.5.4 Unsupported parameter " + keyword);
    }
  }
  mail_given_ = true;
  sender_ = path->local_part.empty() ? std::string() : path->AddrSpec();
  Reply("250 2.1.0 OK");
  return Next::kContinue;
}

asio::awaitable<Session::Next> Session::Rcpt(const std::string& args) {
  if (!mail_given_) co_return BadCommand("503 5.5.1 MAIL needed first");
  auto parsed = ParsePathArgument(args, "TO:");
  if (!parsed) co_return BadCommand("501 5.5.4 Invalid parameters (RCPT TO:<address> [params])");
  auto path = mail::ParseEnvelopePath(parsed->path);
  if (!path || path->local_part.empty()) {
    co_return BadCommand("501 5.1.3 Invalid recipient address " + parsed->path);
  }
  std::string orcpt;
  for (const auto& [keyword, value] : parsed->params) {
    if (keyword == "ORCPT") {
      size_t semicolon = value.find(';');
      auto decoded = semicolon == std::string::npos
                         ? std::nullopt
                         : DecodeXtext(std::string_view(value).substr(semicolon + 1));
      if (!decoded) co_return BadCommand("501 5.5.4 Invalid ORCPT parameter");
      std::string type = value.substr(0, semicolon);
      for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (type == "rfc822") orcpt = *decoded;
    } else if (keyword != "NOTIFY") {
      co_return BadCommand("555 5.5.4 Unsupported parameter " + keyword);
    }
  }
  // RFC 5321 §4.5.3.1.8: a server may limit recipients per message; the client retries
  // those in a later transaction.
  if (recipients_.size() >= context_.limits.max_recipients) {
    Reply("452 4.5.3 Too many recipients");
    co_return Next::kContinue;
  }
  std::string address = path->AddrSpec();
  const LmtpDelivery& delivery = context_.delivery;
  auto check = [&]() { return delivery.CheckRecipient(address, orcpt); };
  // Not a conditional expression: GCC 12 destroys the temporaries of a co_await inside
  // ?: twice.
  RcptCheck result;
  if (delivery.LookupsMayBlock()) {
    result = co_await net::CallOnPool(context_.pool, check);
  } else {
    result = check();
  }
  if (!result.ok) {
    Reply(result.reply);
    co_return Next::kContinue;
  }
  recipients_.push_back(std::move(result.accepted));
  Reply("250 2.1.5 OK");
  co_return Next::kContinue;
}

asio::awaitable<void> Session::DeliverAll(std::string body) {
  if (!StartsWithHeaderField(body)) body.insert(0, "\n");
  Transaction transaction{.session_id = id_,
                          .helo = helo_,
                          .remote_ip = remote_ip_,
                          .tls = stream_.tls(),
                          .sender = sender_,
                          .body = std::move(body)};
  // Each recipient's delivery runs on the pool at the same time as the others: they wait on
  // different fsyncs, which the file system then commits together.
  std::vector<std::string> replies(recipients_.size());
  size_t pending = recipients_.size();
  asio::steady_timer all_done(co_await asio::this_coro::executor,
                              asio::steady_timer::time_point::max());
  auto executor = co_await asio::this_coro::executor;
  for (size_t i = 0; i < recipients_.size(); ++i) {
    asio::post(context_.pool, [&, i, executor]() {
      replies[i] = context_.delivery.Deliver(transaction, recipients_[i]);
      asio::post(executor, [&]() {
        if (--pending == 0) all_done.cancel();
      });
    });
  }
  // Counted on this thread only, so a cancel cannot come before the wait begins unnoticed.
  while (pending > 0) {
    boost::system::error_code ec;
    co_await all_done.async_wait(asio::redirect_error(asio::use_awaitable, ec));
  }
  for (std::string& reply : replies) Reply(std::move(reply));
  ResetTransaction();
}

asio::awaitable<Session::Next> Session::Data(const std::string& args) {
  if (!args.empty()) co_return BadCommand("501 5.5.4 DATA takes no parameters");
  if (!mail_given_) co_return BadCommand("503 5.5.1 MAIL needed first");
  if (bdat_started_) co_return BadCommand("503 5.5.1 DATA cannot follow BDAT");
  if (recipients_.empty()) co_return BadCommand("554 5.5.1 No valid recipients");
  Reply("354 OK");
  bool flushed = co_await Flush();
  if (!flushed) co_return Next::kClose;
  const size_t max = context_.limits.max_message_size;
  std::string body;
  bool too_big = false;
  // RFC 5321 §4.1.1.4: only CRLF "." CRLF ends the message; a "." between bare LFs is
  // message text (else a body line could be run as a command: SMTP smuggling).
  bool after_crlf = true;
  for (;;) {
    net::StreamReader::Line line = co_await Read(max);
    if (line.status == net::StreamReader::Status::kClosed) {
      base::LogLine("lmtp<" + id_ + ">: client went away during DATA; nothing delivered");
      co_return Next::kClose;
    }
    bool preceded_by_crlf = after_crlf;
    after_crlf = line.crlf;
    if (line.status == net::StreamReader::Status::kTooLong) {
      too_big = true;
      continue;
    }
    std::string_view text = line.text;
    if (text == "." && line.crlf && preceded_by_crlf) break;
    // RFC 5321 §4.5.2 dot-stuffing; a lone "." that did not end the message is kept as sent.
    if (text.starts_with('.') && text != ".") text.remove_prefix(1);
    if (too_big) continue;
    if (body.size() + text.size() + 1 > max) {
      too_big = true;
      std::string().swap(body);
      continue;
    }
    body.append(text);
    body += '\n';
  }
  if (too_big) {
    for (size_t i = 0; i < recipients_.size(); ++i) {
      Reply("552 5.3.4 Message size exceeds fixed maximum message size");
    }
    ResetTransaction();
    co_return Next::kContinue;
  }
  co_await DeliverAll(std::move(body));
  co_return Next::kContinue;
}

asio::awaitable<Session::Next> Session::Bdat(const std::string& args) {
  // RFC 3030 §2: the chunk follows the command whatever the reply; read it to stay in step.
  size_t space = args.find(' ');
  std::string size_text = args.substr(0, space);
  std::string rest = space == std::string::npos ? std::string() : args.substr(space + 1);
  for (char& c : rest) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  uint64_t size = 0;
  auto [end, ec] = std::from_chars(size_text.data(), size_text.data() + size_text.size(), size);
  if (size_text.empty() || ec != std::errc() || end != size_text.data() + size_text.size() ||
      (!rest.empty() && rest != "LAST")) {
    // Without a valid size the chunk cannot be skipped: the connection is out of step.
    Reply("501 5.5.4 Invalid BDAT parameters; closing connection");
    co_return Next::kClose;
  }
  const bool last = rest == "LAST";
  const size_t max = context_.limits.max_message_size;
  bool usable = mail_given_ && !recipients_.empty();
  bool keep = usable && !bdat_too_big_ && bdat_.size() + size <= max;
  std::string discard;
  std::string& target = keep ? bdat_ : discard;
  // Read in slices so a huge announced size never allocates more than the limit.
  uint64_t remaining = size;
  while (remaining > 0) {
    size_t slice = static_cast<size_t>(std::min<uint64_t>(remaining, 1u << 20));
    if (!keep) discard.clear();
    shared_->reading = true;
    bool ok = co_await reader_.ReadExactly(slice, target);
    shared_->reading = false;
    shared_->last_input = Clock::now();
    if (!ok) {
      base::LogLine("lmtp<" + id_ + ">: client went away during BDAT; nothing delivered");
      co_return Next::kClose;
    }
    remaining -= slice;
  }
  if (!mail_given_) co_return BadCommand("503 5.5.1 MAIL needed first");
  if (recipients_.empty()) co_return BadCommand("554 5.5.1 No valid recipients");
  bdat_started_ = true;
  if (!keep) {
    bdat_too_big_ = true;
    std::string().swap(bdat_);
  }
  if (!last) {
    Reply("250 2.0.0 OK, " + std::to_string(size) + " octets received");
    co_return Next::kContinue;
  }
  if (bdat_too_big_) {
    for (size_t i = 0; i < recipients_.size(); ++i) {
      Reply("552 5.3.4 Message size exceeds fixed maximum message size");
    }
    ResetTransaction();
    co_return Next::kContinue;
  }
  // Maildir keeps LF line ends; a CR not before LF stays as it is.
  std::string body;
  body.reserve(bdat_.size());
  for (size_t i = 0; i < bdat_.size(); ++i) {
    if (bdat_[i] == '\r' && i + 1 < bdat_.size() && bdat_[i + 1] == '\n') continue;
    body += bdat_[i];
  }
  std::string().swap(bdat_);
  co_await DeliverAll(std::move(body));
  co_return Next::kContinue;
}

asio::awaitable<Session::Next> Session::StartTls(const std::string& args) {
  if (context_.tls == nullptr) co_return BadCommand("502 5.5.1 STARTTLS is not available");
  if (stream_.tls()) co_return BadCommand("503 5.5.1 TLS is already active");
  if (!args.empty()) co_return BadCommand("501 5.5.4 STARTTLS takes no parameters");
  Reply("220 2.0.0 Begin TLS negotiation now");
  bool flushed = co_await Flush();
  if (!flushed) co_return Next::kClose;
  // RFC 3207 §4.2: anything the client sent after STARTTLS in the clear is not trusted.
  reader_.DropBuffered();
  bool secured = co_await stream_.StartTls(*context_.tls);
  if (!secured) {
    base::LogLine("lmtp<" + id_ + ">: TLS handshake failed");
    co_return Next::kClose;
  }
  lhlo_done_ = false;
  helo_.clear();
  ResetTransaction();
  co_return Next::kContinue;
}

}  // namespace

asio::awaitable<void> RunSession(SessionContext& context, net::ByteStream::Socket socket,
                                 std::string session_id) {
  return net::ServeSession<Session>(context, context.registry, context.limits.idle_timeout, std::move(socket),
                                    std::move(session_id));
}

}  // namespace lmtp
