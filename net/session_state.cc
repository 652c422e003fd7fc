#include "net/session_state.h"

#include <algorithm>

namespace net {

void SessionRegistry::Stop() {
  stopping_ = true;
  for (SessionState* session : sessions_) {
    if (session->reading && !session->busy) session->stream.Cancel();
  }
}

asio::awaitable<void> IdleWatchdog(std::shared_ptr<SessionState> state, std::chrono::seconds idle) {
  using Clock = std::chrono::steady_clock;
  asio::steady_timer timer(co_await asio::this_coro::executor);
  while (!state->done) {
    timer.expires_after(std::min<Clock::duration>(idle, std::chrono::seconds(5)));
    boost::system::error_code ec;
    co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
    if (state->done) break;
    if (state->reading && Clock::now() - state->last_input >= idle) {
      state->timed_out = true;
      state->stream.Cancel();
      break;
    }
  }
}

}  // namespace net
