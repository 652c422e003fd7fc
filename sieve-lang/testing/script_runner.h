// Test support: compile a script, run it on a message with a FakeHost, and describe the
// outcome in one line ("store A :copy; redirect b@x | keep", "COMPILE ERROR: 1:5: error: ...").
// The program loaded back from its own bytes must behave the same, so every table that uses
// this also checks the binary format for the commands it exercises.
#pragma once

#include <string>
#include <string_view>

#include "sieve-lang/sieve.h"
#include "sieve-lang/testing/fake_host.h"

namespace sieve::testing {

// One engine with every registered extension enabled, as the tools use it.
inline const Engine& AllExtensionsEngine() {
  static const Engine engine(BuiltinRegistry(), Options{.all_extensions = true});
  return engine;
}

inline std::string Describe(const ExecOutcome& result) {
  std::string text;
  if (result.error) text = "RUNTIME ERROR: " + result.error->message + " ";
  for (const Action& a : result.actions) {
    if (!text.empty() && text.back() != ' ') text += "; ";
    text += std::string(a.name()) + (a.target.empty() ? "" : " " + a.target);
    if (a.copy) text += " :copy";
    if (a.create) text += " :create";
  }
  if (result.implicit_keep) text += " | keep";
  return text;
}

inline std::string RunScript(const Engine& engine, std::string_view script,
                             std::string_view message_text, const Envelope& envelope,
                             FakeHost* host = nullptr,
                             const ScriptResolver* scripts = nullptr) {
  CompileOutput out = engine.Compile(script, "test", scripts);
  if (!out.program) {
    std::string text = "COMPILE ERROR:";
    for (const Diagnostic& d : out.diagnostics) {
      text += " " + (d.script.empty() ? "" : d.script + ":") + FormatShort(d);
    }
    return text;
  }
  mail::Message message{std::string(message_text)};
  FakeHost default_host;
  ExecInput input{.message = &message, .envelope = envelope,
                  .host = host ? host : &default_host};
  std::string direct = Describe(engine.Execute(*out.program, input));
  auto reloaded = engine.Load(out.program->bytes());
  if (!reloaded) return "RELOAD ERROR: " + reloaded.error().ToString();
  std::string again = Describe(engine.Execute(*reloaded, input));
  if (again != direct) return "RELOADED PROGRAM DIFFERS: " + direct + " vs " + again;
  return direct;
}

}  // namespace sieve::testing
