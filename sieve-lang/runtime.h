// What an executing command or test can reach: the message, the envelope, the embedder (Host),
// the result being built, and the trace. One per execution; not thread-safe.
#pragma once

#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "mail/address.h"
#include "mail/message.h"
#include "sieve-lang/address_part.h"
#include "sieve-lang/diagnostic.h"
#include "sieve-lang/envelope.h"
#include "sieve-lang/host.h"
#include "sieve-lang/limits.h"
#include "sieve-lang/program.h"
#include "sieve-lang/result.h"
#include "sieve-lang/trace.h"
#include "sieve-lang/value.h"

namespace sieve {

class Runtime {
 public:
  Runtime(const mail::Message& message, const Envelope& envelope, Host& host, Result& result,
          const Limits& limits, TraceSink* trace)
      : message_(&message), envelope_(&envelope), host_(host), result_(result), limits_(&limits),
        trace_(trace), wall_start_(std::chrono::steady_clock::now()) {}
  Runtime(const Runtime&) = delete;
  Runtime& operator=(const Runtime&) = delete;

  const mail::Message& message() const { return *message_; }
  const Envelope& envelope() const { return *envelope_; }
  // Points the rest of the run at another message and envelope (the testsuite's test_set);
  // both must outlive the run. Drops everything cached about the previous message.
  void Rebind(const mail::Message& message, const Envelope& envelope);
  // editheader (RFC 5293): the rest of the run sees `edited` instead of the current message
  // (same envelope); actions added from now on carry it (Action::message), and the run's
  // outcome reports it for the implicit keep. Rebind drops the edits.
  void EditMessage(std::shared_ptr<const mail::Message> edited);
  // The message as edited so far, or null while no edit was made.
  const std::shared_ptr<const mail::Message>& edited_message() const { return edited_; }
  Host& host() { return host_; }
  Result& result() { return result_; }
  const Limits& limits() const { return *limits_; }
  // The limits from here on (the testsuite's test_config_reload); `limits` must outlive that.
  void set_limits(const Limits& limits) { limits_ = &limits; }

  // Trace helpers: cheap no-ops unless the sink wants `level`.
  bool Tracing(TraceLevel level) const {
    return trace_ != nullptr && trace_->level() >= level;
  }
  void Trace(TraceLevel level, int depth, std::string_view text);
  void set_line(int line) { line_ = line; }

  // Control transfer requested by a command, honoured by the interpreter after the command
  // returns: the testsuite's test_fail leaves the current test block this way. Index of the
  // instruction being executed, and of the one to continue at.
  size_t position() const { return position_; }
  void set_position(size_t index) { position_ = index; }
  void RequestJump(size_t index) { jump_ = index; }
  std::optional<size_t> TakeJump() { return std::exchange(jump_, std::nullopt); }
  // Ends the run successfully after the current command, like `stop`.
  void RequestStop() { stop_ = true; }
  bool stop_requested() const { return stop_; }

  // The operands of the command being executed (after variable expansion), and whether
  // expansion changed anything in them (then keys are only known now, not at compile time).
  void set_operands(const Operands* ops, bool expanded) {
    operands_ = ops;
    operands_expanded_ = expanded;
  }
  // Records an error that does not end the script (Pigeonhole's behaviour for a :regex key
  // that variables turned into a bad pattern: the test is false and the script goes on).
  void ReportError(std::string message);
  const std::vector<Diagnostic>& reported_errors() const { return reported_errors_; }
  // Adds an action to the result (tracing it at the actions level), after the loaded
  // extensions' decorate_action hooks had their say.
  ExecStatus AddAction(Action action);
  // The flags the implicit keep stores with (RFC 5232 §3: imap4flags' internal variable at the
  // end of the script), as the loaded extensions' decorate_action hooks set them on a keep;
  // nullopt when no extension sets any.
  std::optional<std::vector<std::string>> ImplicitKeepFlags();

  // Values of header `name`, unfolded and RFC 2047-decoded (RFC 5228 §5.7), in order.
  // Decoded once per execution: a filter asks for the same few headers many times.
  const std::vector<std::string>& DecodedHeaders(std::string_view name);
  // `part` of every address in the header fields `name` (invalid entries only for :all,
  // RFC 5228 §2.7.4), parsed and extracted once per execution.
  const std::vector<std::string>& AddressPartValues(std::string_view name,
                                                    const AddressPart& part);

  // The values of header `name` a test compares: DecodedHeaders(name); with mime's :mime
  // (RFC 5703 §4) the fields of the current part (and with :anychild of every part below it),
  // reduced by :type/:subtype/:contenttype/:param to those pieces of the value; or with index's
  // `:index N [:last]` in `ops` (RFC 5260 §6) only the Nth field, counted from the end with
  // :last (none when there is no such field). `scratch` holds the selected value.
  const std::vector<std::string>& HeaderValues(const Operands& ops, std::string_view name,
                                               std::vector<std::string>& scratch);
  // The same for AddressPartValues.
  const std::vector<std::string>& AddressValues(const Operands& ops, std::string_view name,
                                                const AddressPart& part,
                                                std::vector<std::string>& scratch);
  // The values of all `names` together, in list order: what :count counts (RFC 5231 §4.2),
  // and what :index counts fields in (RFC 5260 §6: the named fields are counted together).
  // `part` null: header values, otherwise address parts.
  std::vector<std::string> ValuesOfAll(const Operands& ops, const std::vector<std::string>& names,
                                       const AddressPart* part);

  // foreverypart (RFC 5703 §3): the loops running, innermost last. Each visits `parts` in
  // order; `index` is the part being visited and `body_start` the loop body's first
  // instruction in the script that runs the loop.
  struct PartLoop {
    std::vector<const mail::MimePart*> parts;
    size_t index = 0;
    size_t body_start = 0;
    std::string name;
  };
  std::vector<PartLoop>& part_loops() { return part_loops_; }
  // The part header :mime, exists :mime and extracttext look at: the innermost loop's, or the
  // whole message outside loops.
  const mail::MimePart& current_part() const;

  // Values computed once per execution under (`key`, `variant`), for tests other than header
  // tests (envelope parts). Keys must not be header names: use a ':' in them.
  template <typename Compute>
  const std::vector<std::string>& Memoized(std::string_view key, const void* variant,
                                           Compute compute) {
    if (const auto* hit = FindCached(key, variant)) return *hit;
    cache_.push_back({std::string(key), variant, compute()});
    return cache_.back().values;
  }

  // include (RFC 6609). The program compiled from the top-level script: its include section
  // serves every script of the run.
  void set_unit(const Program* unit) { unit_ = unit; }
  const Program* unit() const { return unit_; }
  // Runs included script `index` of the unit to its end or `return`, with its own local
  // variables and the shared result and global variables. With `once`, a script this run has
  // already included is skipped. Errors of the included script are returned.
  ExecStatus RunIncluded(size_t index, bool once);
  // `return`: ends the current script after the current command (the top level: all of it).
  void RequestReturn() { return_ = true; }
  bool TakeReturn() { return std::exchange(return_, false); }
  // `global`: from now on `name` is a global variable in the current script (RFC 6609 §3.4).
  void DeclareGlobal(std::string_view name);
  // The global variables themselves (the "global." namespace reads and writes these).
  void SetGlobal(std::string_view name, std::string value);
  std::string GetGlobal(std::string_view name) const;
  // Instructions run so far in this execution, included scripts counted (the step budget).
  uint64_t& steps() { return steps_; }
  // Whether this execution has used more CPU time than sieve_max_cpu_time allows.
  bool CpuTimeExceeded();

  // Variables (RFC 5229). Names are case-insensitive; `name` may carry a namespace
  // ("tst.path"), which the extension owning that namespace answers.
  void set_program(const Program* program) { program_ = program; }
  const Program* program() const { return program_; }
  // Match variables are set only in scripts that use the variables extension.
  void set_variables_enabled(bool enabled) { variables_enabled_ = enabled; }
  bool variables_enabled() const { return variables_enabled_; }
  ExecStatus SetVariable(std::string_view name, std::string value);
  std::string GetVariable(std::string_view name);
  // ${0}..${N} of the last successful :matches (empty when out of range).
  std::string MatchValue(size_t index) const;
  // Replaces every well-formed "${...}" reference in `text` (RFC 5229 §3); malformed ones
  // stay as written.
  std::string Expand(std::string_view text);

  // True when some value matches some key with the operands' comparator and match type
  // (RFC 5228 §2.7); traces each comparison at the matching level. Tests whose RFC says so
  // (body, RFC 5173 §6) pass `sets_match_values` = false to leave ${0}..${N} alone.
  bool MatchAny(const Operands& ops, const std::vector<std::string>& values,
                const std::vector<std::string>& keys, bool sets_match_values = true);

 private:
  const mail::Message* message_;
  const Envelope* envelope_;
  std::shared_ptr<const mail::Message> edited_;
  // Earlier edited versions foreverypart loops still point into (their MimePart pointers).
  std::vector<std::shared_ptr<const mail::Message>> looped_versions_;
  Host& host_;
  Result& result_;
  const Limits* limits_;
  TraceSink* trace_;
  int line_ = 0;
  const Program* program_ = nullptr;
  const Operands* operands_ = nullptr;
  bool operands_expanded_ = false;
  std::vector<Diagnostic> reported_errors_;
  bool variables_enabled_ = false;
  using VariableStore = std::vector<std::pair<std::string, std::string>>;  // lowercased name
  ExecStatus Store(VariableStore& store, std::string key, std::string value);
  VariableStore variables_;       // the current script's locals
  VariableStore globals_;         // shared by every script of the run
  std::vector<std::string> global_names_;  // lowercased names the current script made global
  const Program* unit_ = nullptr;
  std::vector<size_t> included_;  // unit indexes included so far (for :once)
  size_t include_depth_ = 0;
  bool return_ = false;
  uint64_t steps_ = 0;
  static std::chrono::nanoseconds ThreadCpuTime();
  std::chrono::steady_clock::time_point wall_start_;
  std::optional<std::chrono::nanoseconds> cpu_mark_;  // CPU clock when first read
  std::chrono::nanoseconds wall_at_mark_{0};
  std::vector<PartLoop> part_loops_;
  std::vector<std::string> match_values_;
  size_t position_ = 0;
  std::optional<size_t> jump_;
  bool stop_ = false;
  // Per-execution caches, searched linearly: a filter asks about a handful of header names,
  // so a linear scan beats hashing (and needs no lowercased key copies).
  struct CachedValues {
    std::string key;      // header name, or a Memoized key
    const void* variant;  // the AddressPart for address values; nullptr for decoded headers
    std::vector<std::string> values;
  };
  const std::vector<std::string>* FindCached(std::string_view key, const void* variant);
  std::deque<CachedValues> cache_;  // deque: references stay valid as it grows
};

}  // namespace sieve
