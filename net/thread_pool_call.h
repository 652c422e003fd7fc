// Runs blocking work (a userdb query, a delivery that fsyncs) on a thread pool and resumes the
// calling coroutine on its own executor, so one slow disk or database never stalls the other
// connections of a server.
#pragma once

#include <optional>
#include <type_traits>

#include "net/asio.h"

namespace net {

// `work` is taken by reference and must outlive the call (it does: the caller is suspended
// until the result is back). GCC 12 destroys the temporaries of a co_await expression twice,
// so nothing owning memory may be captured by value in the lambda handed to co_spawn.
template <typename F>
asio::awaitable<std::invoke_result_t<F&>> CallOnPool(asio::thread_pool& pool, F& work) {
  std::optional<std::invoke_result_t<F&>> result;
  co_await asio::co_spawn(
      pool.get_executor(),
      [&]() -> asio::awaitable<void> {
        result.emplace(work());
        co_return;
      },
      asio::use_awaitable);
  co_return std::move(*result);
}

}  // namespace net
