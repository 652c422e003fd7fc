// What a protocol session shares with the idle watchdog and with the server's registry of
// live sessions, kept in a shared_ptr so that none outlives what it touches: the byte stream
// and whether the session is waiting for its client. A stopping server (SIGTERM, SIGHUP) ends
// the sessions that wait for a command at once and the others when their work is done,
// instead of waiting for clients that keep connections open.
#pragma once

#include <chrono>
#include <memory>
#include <unordered_set>

#include "net/asio.h"
#include "net/byte_stream.h"

namespace net {

struct SessionState {
  explicit SessionState(ByteStream::Socket socket) : stream(std::move(socket)) {}
  ByteStream stream;
  std::chrono::steady_clock::time_point last_input = std::chrono::steady_clock::now();
  bool reading = false;  // waiting for the client
  bool busy = false;     // in the middle of something that must finish (a transaction)
  bool done = false;
  bool timed_out = false;
};

class SessionRegistry {
 public:
  // From now on stopping() is true; sessions waiting for a command and not busy are woken
  // (their read ends as if the client had left).
  void Stop();
  bool stopping() const { return stopping_; }
  void Add(SessionState* session) { sessions_.insert(session); }
  void Remove(SessionState* session) { sessions_.erase(session); }

 private:
  bool stopping_ = false;
  std::unordered_set<SessionState*> sessions_;
};

// Ends a read that has waited `idle` for the client (timed_out set, the stream cancelled);
// returns once the session is done.
asio::awaitable<void> IdleWatchdog(std::shared_ptr<SessionState> state, std::chrono::seconds idle);

// Keeps `state` in `registry` for the life of a session, and marks it done at the end.
class SessionRegistration {
 public:
  SessionRegistration(SessionRegistry& registry, SessionState& state)
      : registry_(registry), state_(state) {
    registry_.Add(&state_);
  }
  ~SessionRegistration() {
    registry_.Remove(&state_);
    state_.done = true;
  }
  SessionRegistration(const SessionRegistration&) = delete;
  SessionRegistration& operator=(const SessionRegistration&) = delete;

 private:
  SessionRegistry& registry_;
  SessionState& state_;
};

// One session of `Session` (constructed from (context, state, session_id), with an awaitable
// Run()) on `socket`, with the idle watchdog and its place in `registry`.
template <typename Session, typename Context>
asio::awaitable<void> ServeSession(Context& context, SessionRegistry& registry,
                                   std::chrono::seconds idle, ByteStream::Socket socket,
                                   std::string session_id) {
  auto state = std::make_shared<SessionState>(std::move(socket));
  asio::co_spawn(co_await asio::this_coro::executor, IdleWatchdog(state, idle), asio::detached);
  SessionRegistration registration(registry, *state);
  Session session(context, state, std::move(session_id));
  co_await session.Run();
}

}  // namespace net
