// What an executing command or test can reach: the message, the envelope, the embedder (Host),
// the result being built, and the trace. One per execution; not thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "mail/message.h"
#include "sieve-lang/envelope.h"
#include "sieve-lang/host.h"
#include "sieve-lang/limits.h"
#include "sieve-lang/result.h"
#include "sieve-lang/trace.h"
#include "sieve-lang/value.h"

namespace sieve {

class Runtime {
 public:
  Runtime(const mail::Message& message, const Envelope& envelope, Host& host, Result& result,
          const Limits& limits, TraceSink* trace)
      : message_(message), envelope_(envelope), host_(host), result_(result), limits_(limits),
        trace_(trace) {}
  Runtime(const Runtime&) = delete;
  Runtime& operator=(const Runtime&) = delete;

  const mail::Message& message() const { return message_; }
  const Envelope& envelope() const { return envelope_; }
  Host& host() { return host_; }
  Result& result() { return result_; }
  const Limits& limits() const { return limits_; }

  // Trace helpers: cheap no-ops unless the sink wants `level`.
  bool Tracing(TraceLevel level) const {
    return trace_ != nullptr && trace_->level() >= level;
  }
  void Trace(TraceLevel level, int depth, std::string_view text);
  void set_line(int line) { line_ = line; }

  // Adds an action to the result (tracing it at the actions level).
  ExecStatus AddAction(Action action);

  // Values of header `name`, unfolded and RFC 2047-decoded (RFC 5228 §5.7), in order.
  std::vector<std::string> DecodedHeaders(std::string_view name) const;

  // True when some value matches some key with the operands' comparator and match type
  // (RFC 5228 §2.7); traces each comparison at the matching level.
  bool MatchAny(const Operands& ops, const std::vector<std::string>& values,
                const std::vector<std::string>& keys);

 private:
  const mail::Message& message_;
  const Envelope& envelope_;
  Host& host_;
  Result& result_;
  const Limits& limits_;
  TraceSink* trace_;
  int line_ = 0;
};

}  // namespace sieve
