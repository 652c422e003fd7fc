#include "net/stream_reader.h"

#include <gtest/gtest.h>

#include <boost/asio/local/connect_pair.hpp>

namespace net {
namespace {

// Feeds `input` to a StreamReader over a socket pair and runs `body` as a coroutine.
template <typename Body>
void WithReader(const std::string& input, Body body) {
  asio::io_context io;
  asio::local::stream_protocol::socket a(io), b(io);
  asio::local::connect_pair(a, b);
  asio::write(a, asio::buffer(input));
  a.shutdown(asio::socket_base::shutdown_send);
  ByteStream stream{ByteStream::Socket(std::move(b))};
  StreamReader reader(stream);
  bool done = false;
  asio::co_spawn(
      io,
      [&]() -> asio::awaitable<void> {
        co_await body(reader);
        done = true;
      },
      asio::detached);
  io.run();
  EXPECT_TRUE(done);
}

TEST(StreamReader, LinesWithCrLfAndBareLf) {
  WithReader("one\r\ntwo\nthree\r\r\n", [](StreamReader& r) -> asio::awaitable<void> {
    auto one = co_await r.ReadLine(100);
    EXPECT_EQ(one.status, StreamReader::Status::kOk);
    EXPECT_EQ(one.text, "one");
    EXPECT_TRUE(one.crlf);
    auto two = co_await r.ReadLine(100);
    EXPECT_EQ(two.text, "two");
    EXPECT_FALSE(two.crlf);
    auto three = co_await r.ReadLine(100);
    EXPECT_EQ(three.text, "three\r");
    auto end = co_await r.ReadLine(100);
    EXPECT_EQ(end.status, StreamReader::Status::kClosed);
  });
}

TEST(StreamReader, TooLongLineIsConsumedAndTheNextOneReadable) {
  std::string input = std::string(200000, 'x') + "\r\nNOOP\r\n";
  WithReader(input, [](StreamReader& r) -> asio::awaitable<void> {
    auto long_line = co_await r.ReadLine(4096);
    EXPECT_EQ(long_line.status, StreamReader::Status::kTooLong);
    auto next = co_await r.ReadLine(4096);
    EXPECT_EQ(next.status, StreamReader::Status::kOk);
    EXPECT_EQ(next.text, "NOOP");
  });
}

TEST(StreamReader, ExactCountsAcrossLinesAndEndOfStream) {
  WithReader("BDAT 5\r\nab\ncdrest", [](StreamReader& r) -> asio::awaitable<void> {
    auto command = co_await r.ReadLine(100);
    EXPECT_EQ(command.text, "BDAT 5");
    std::string chunk;
    EXPECT_TRUE(co_await r.ReadExactly(5, chunk));
    EXPECT_EQ(chunk, "ab\ncd");
    std::string rest;
    EXPECT_FALSE(co_await r.ReadExactly(10, rest));  // only 4 bytes before the end
    EXPECT_EQ(rest, "rest");
  });
}

TEST(StreamReader, DropBufferedForgetsPipelinedInput) {
  WithReader("STARTTLS\r\nMAIL FROM:<x>\r\n", [](StreamReader& r) -> asio::awaitable<void> {
    auto command = co_await r.ReadLine(100);
    EXPECT_EQ(command.text, "STARTTLS");
    EXPECT_TRUE(r.HasBuffered());
    r.DropBuffered();
    EXPECT_FALSE(r.HasBuffered());
    auto end = co_await r.ReadLine(100);
    EXPECT_EQ(end.status, StreamReader::Status::kClosed);
  });
}

}  // namespace
}  // namespace net
