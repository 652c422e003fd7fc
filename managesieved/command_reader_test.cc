#include "managesieved/command_reader.h"

#include <gtest/gtest.h>

#include <boost/asio/local/connect_pair.hpp>

#include "managesieved/response.h"

namespace managesieved {
namespace {

namespace asio = net::asio;

// The commands a client sending `input` makes, read with the given limits.
std::vector<ReadOutcome> ReadAll(const std::string& input, size_t max_line = 1000,
                                 size_t max_literal = 100) {
  asio::io_context io;
  asio::local::stream_protocol::socket a(io), b(io);
  asio::local::connect_pair(a, b);
  asio::write(a, asio::buffer(input));
  a.shutdown(asio::socket_base::shutdown_send);
  net::ByteStream stream{net::ByteStream::Socket(std::move(b))};
  net::StreamReader reader(stream);
  std::vector<ReadOutcome> out;
  asio::co_spawn(
      io,
      [&]() -> asio::awaitable<void> {
        for (;;) {
          ReadOutcome read = co_await ReadCommand(reader, max_line, max_literal);
          if (read.status == ReadOutcome::Status::kClosed) break;
          out.push_back(std::move(read));
        }
      },
      asio::detached);
  io.run();
  return out;
}

TEST(ReadCommand, NamesQuotedStringsAtomsAndLiterals) {
  auto got = ReadAll("putscript \"a \\\"b\\\"\" {5+}\r\nkeep;\r\nHAVESPACE \"x\" 10\r\n"
                     "PUTSCRIPT \"s\" {3}\r\nab\n\r\n");
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0].status, ReadOutcome::Status::kOk);
  EXPECT_EQ(got[0].command.name, "PUTSCRIPT");
  ASSERT_EQ(got[0].command.args.size(), 2u);
  EXPECT_EQ(got[0].command.args[0].text, "a \"b\"");
  EXPECT_TRUE(got[0].command.args[0].is_string);
  EXPECT_EQ(got[0].command.args[1].text, "keep;");
  EXPECT_FALSE(got[1].command.args[1].is_string);
  EXPECT_EQ(got[1].command.args[1].text, "10");
  EXPECT_EQ(got[2].command.args[1].text, "ab\n");  // a synchronizing literal, no continuation
}

TEST(ReadCommand, ErrorsLeaveTheStreamAtTheNextCommand) {
  auto got = ReadAll("GETSCRIPT \"open\r\nPUTSCRIPT \"big\" {200+}\r\n" + std::string(200, 'x') +
                         "\r\n" + std::string(2000, 'y') + "\r\nNOOP\r\n");
  ASSERT_EQ(got.size(), 4u);
  EXPECT_EQ(got[0].status, ReadOutcome::Status::kSyntax);
  EXPECT_EQ(got[1].status, ReadOutcome::Status::kLiteralTooLarge);
  EXPECT_EQ(got[2].status, ReadOutcome::Status::kLineTooLong);
  EXPECT_EQ(got[3].status, ReadOutcome::Status::kOk);
  EXPECT_EQ(got[3].command.name, "NOOP");
}

TEST(Response, QuotesOrUsesALiteral) {
  EXPECT_EQ(String("a \"b\" \\"), "\"a \\\"b\\\" \\\\\"");
  EXPECT_EQ(String("two\r\nlines"), "{10}\r\ntwo\r\nlines");
  EXPECT_EQ(No("gone", "NONEXISTENT"), "NO (NONEXISTENT) \"gone\"\r\n");
  EXPECT_EQ(Ok(""), "OK\r\n");
}

}  // namespace
}  // namespace managesieved
