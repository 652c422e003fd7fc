// Roost engine benchmarks: compile, load and execute generated filters (bench/script_gen.h).
//   BM_Compile/N        compile an N-rule script (items = rules)
//   BM_Load/20000       load the saved bytes of a compiled 20,000-rule program
//   BM_Execute200Rules  parse a ~4 KiB message and run a 200-rule filter on it (per message)
//   BM_Execute200ExtensionRules  the same message through 200 rules of header :regex,
//                       body :text :contains and date/currentdate (per message)
//   BM_RegexPathological/N  `header :regex "(a+)+$"` over an N-byte header value of a's
//                       ending in "b": RE2 keeps this linear (input_bytes next to the time)
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "bench/script_gen.h"
#include "mail/message.h"
#include "sieve-lang/registry.h"
#include "sieve-lang/sieve.h"
#include "sieve-lang/testing/fake_host.h"

namespace {

sieve::Options BenchOptions() {
  sieve::Options opts;
  opts.all_extensions = true;
  opts.limits.max_script_size = 0;  // 20,000-rule scripts exceed the 1 MB default
  return opts;
}

const sieve::Engine& BenchEngine() {
  static const sieve::Engine engine(sieve::BuiltinRegistry(), BenchOptions());
  return engine;
}

sieve::Program MustCompile(const std::string& source) {
  sieve::CompileOutput out = BenchEngine().Compile(source, "bench");
  if (!out.program) {
    std::fprintf(stderr, "sieve_bench: generated script failed to compile\n");
    for (const sieve::Diagnostic& d : out.diagnostics) {
      std::fprintf(stderr, "  %s\n", sieve::FormatShort(d).c_str());
    }
    std::abort();
  }
  return std::move(*out.program);
}

// A realistic delivery: 17 headers (folded Received, encoded-word Subject, several
// recipients in To and Cc) and a 4 KiB text body.
std::string BenchMessage() {
  std::string m =
      "Return-Path: <alice.smith@mail.example.com>\r\n"
      "Received: from mx1.example.com (mx1.example.com [192.0.2.10])\r\n"
      "\tby mail.example.org (Postfix) with ESMTPS id 4Xyz123\r\n"
      "\tfor <me@example.org>; Tue, 3 Nov 2026 09:14:07 +0100 (CET)\r\n"
      "Received: from [10.0.0.5] (laptop.internal [10.0.0.5])\r\n"
      "\tby mx1.example.com with ESMTPSA id abc987; Tue, 3 Nov 2026 09:14:05 +0100\r\n"
      "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.com; s=sel1;\r\n"
      "\th=from:to:cc:subject:date:message-id; bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=;\r\n"
      "\tb=dGhpcyBpcyBub3QgYSByZWFsIHNpZ25hdHVyZSBidXQgaXQgaXMgbG9uZyBlbm91Z2g=\r\n"
      "Message-ID: <20261103081405.GA12345@mail.example.com>\r\n"
      "Date: Tue, 3 Nov 2026 09:14:05 +0100\r\n"
      "From: \"Alice Smith\" <alice.smith@mail.example.com>\r\n"
      "Sender: alice.smith@mail.example.com\r\n"
      "Reply-To: Team Lead <lead@example.com>\r\n"
      "To: \"Me Myself\" <me@example.org>, Bob Jones <bob.jones@example.net>,\r\n"
      "\tcarol@example.org, \"Dave, the builder\" <dave@build.example.com>\r\n"
      "Cc: ops-team@example.com, Erin <erin@example.de>, frank@sub.example.co.uk\r\n"
      "Subject: =?UTF-8?B?UXVhcnRhbHNiZXJpY2h0OiBHcsO8w59lIGF1cyBNw7xuY2hlbg==?=\r\n"
      " =?UTF-8?Q?_=E2=80=93_Termin_n=C3=A4chste_Woche?=\r\n"
      "MIME-Version: 1.0\r\n"
      "Content-Type: text/plain; charset=UTF-8; format=flowed\r\n"
      "Content-Transfer-Encoding: 8bit\r\n"
      "List-Id: Project Discussion <project.lists.example.com>\r\n"
      "X-Mailer: Thunderbird 115.4.1\r\n"
      "X-Spam-Status: No, score=-1.2 required=5.0 tests=BAYES_00,DKIM_SIGNED\r\n"
      "\r\n";
  const std::string para =
      "Hello team, here are the quarterly figures and the agenda for the meeting next week. "
      "Please review the attached numbers before Thursday and send comments to the list.\r\n";
  while (m.size() < 4096 + 1500) m += para;
  return m;
}

void BM_Compile(benchmark::State& state) {
  const int rules = static_cast<int>(state.range(0));
  const std::string source = bench::GenerateScript(rules);
  for (auto _ : state) {
    sieve::CompileOutput out = BenchEngine().Compile(source, "bench");
    if (!out.program) {
      state.SkipWithError("compile failed");
      return;
    }
    benchmark::DoNotOptimize(out);
  }
  state.SetItemsProcessed(state.iterations() * rules);
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(source.size()));
  state.counters["rules"] = rules;
  state.counters["script_KiB"] = static_cast<double>(source.size()) / 1024.0;
}
BENCHMARK(BM_Compile)->Arg(2000)->Arg(20000)->Unit(benchmark::kMillisecond);

void BM_Load(benchmark::State& state) {
  const int rules = static_cast<int>(state.range(0));
  const std::string bytes = MustCompile(bench::GenerateScript(rules)).bytes();
  for (auto _ : state) {
    auto program = BenchEngine().Load(bytes);
    if (!program.has_value()) {
      state.SkipWithError("load failed");
      return;
    }
    benchmark::DoNotOptimize(program);
  }
  state.SetItemsProcessed(state.iterations() * rules);
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(bytes.size()));
  state.counters["rules"] = rules;
  state.counters["program_KiB"] = static_cast<double>(bytes.size()) / 1024.0;
}
BENCHMARK(BM_Load)->Arg(20000)->Unit(benchmark::kMillisecond);

void ExecutePerMessage(benchmark::State& state, const std::string& source) {
  const sieve::Program program = MustCompile(source);
  const std::string raw = BenchMessage();
  sieve::FakeHost host;
  sieve::Envelope envelope{.from = "alice.smith@mail.example.com", .to = "me@example.org"};
  {  // Sanity: the run must succeed (no error, e.g. from max_actions).
    mail::Message msg(raw);
    sieve::ExecOutcome r = BenchEngine().Execute(
        program, sieve::ExecInput{.message = &msg, .envelope = envelope, .host = &host});
    if (r.error) {
      state.SkipWithError("execution failed");
      return;
    }
    state.counters["actions"] = static_cast<double>(r.actions.size());
  }
  for (auto _ : state) {
    mail::Message msg(raw);  // a delivery parses every message
    sieve::ExecOutcome r = BenchEngine().Execute(
        program, sieve::ExecInput{.message = &msg, .envelope = envelope, .host = &host});
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["msg_bytes"] = static_cast<double>(raw.size());
  // Seconds per message, shown with an SI prefix (e.g. "12.3u" = 12.3 us).
  state.counters["time_per_msg"] = benchmark::Counter(
      static_cast<double>(state.iterations()),
      benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

void BM_Execute200Rules(benchmark::State& state) {
  ExecutePerMessage(state, bench::GenerateScript(200));
}
BENCHMARK(BM_Execute200Rules)->Unit(benchmark::kMicrosecond);

void BM_Execute200ExtensionRules(benchmark::State& state) {
  ExecutePerMessage(state, bench::GenerateExtensionScript(200));
}
BENCHMARK(BM_Execute200ExtensionRules)->Unit(benchmark::kMicrosecond);

// The two halves of BM_Execute200Rules, to see where a delivery's time goes.
void BM_ParseMessage(benchmark::State& state) {
  const std::string raw = BenchMessage();
  for (auto _ : state) {
    mail::Message msg(raw);
    benchmark::DoNotOptimize(msg);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ParseMessage)->Unit(benchmark::kMicrosecond);

void BM_Execute200RulesPreparsed(benchmark::State& state) {
  const sieve::Program program = MustCompile(bench::GenerateScript(200));
  const mail::Message msg(BenchMessage());
  sieve::FakeHost host;
  sieve::Envelope envelope{.from = "alice.smith@mail.example.com", .to = "me@example.org"};
  for (auto _ : state) {
    sieve::ExecOutcome r = BenchEngine().Execute(
        program, sieve::ExecInput{.message = &msg, .envelope = envelope, .host = &host});
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Execute200RulesPreparsed)->Unit(benchmark::kMicrosecond);

void BM_RegexPathological(benchmark::State& state) {
  const sieve::Program program =
      MustCompile("require \"regex\"; if header :regex \"x-long\" \"(a+)+$\" { discard; }");
  const size_t size = static_cast<size_t>(state.range(0));
  const mail::Message msg("X-Long: " + std::string(size, 'a') + "b\r\nSubject: x\r\n\r\nbody\r\n");
  sieve::FakeHost host;
  for (auto _ : state) {
    sieve::ExecOutcome r = BenchEngine().Execute(
        program, sieve::ExecInput{.message = &msg, .envelope = {}, .host = &host});
    if (r.error || !r.actions.empty()) state.SkipWithError("the pattern must not match");
    benchmark::DoNotOptimize(r);
  }
  state.counters["input_bytes"] = static_cast<double>(size);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * state.range(0));
}
BENCHMARK(BM_RegexPathological)->Arg(64 << 10)->Arg(256 << 10)->Arg(1 << 20)
    ->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
