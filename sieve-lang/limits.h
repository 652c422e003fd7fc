// Every numeric limit of the Sieve engine, with Pigeonhole's defaults and setting names
// (house rule 5). Options carries a Limits value; configuration may override it.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>

namespace sieve {

struct Limits {
  // sieve_max_script_size: bytes of source accepted by the compiler (0 = unlimited).
  size_t max_script_size = 1024 * 1024;
  // sieve_max_actions: actions a single execution may add to its result (0 = unlimited).
  size_t max_actions = 32;
  // sieve_max_redirects: redirect actions per execution (0 = unlimited).
  size_t max_redirects = 4;
  // Block/test nesting accepted by the parser; deeper input is an error, never recursion.
  size_t max_nesting_depth = 32;
  // Longest single string or text: literal, in bytes.
  size_t max_string_length = 1024 * 1024;
  // Items in one string list.
  size_t max_string_list_items = 10000;
  // Errors reported before the compiler gives up on a script.
  size_t max_compile_errors = 100;
  // VM instructions one execution may run before it is stopped with an error.
  uint64_t max_program_steps = 10'000'000;
  // sieve_max_cpu_time: CPU time one execution (with the scripts it includes) may use before
  // it is stopped with an error (0 = unlimited). A pathological filter must not hold delivery.
  std::chrono::milliseconds max_cpu_time{30'000};
  // sieve_variables_max_variable_size: longest value a variable holds (longer is truncated).
  size_t max_variable_size = 4096;
  // sieve_variables_max_scope_size: distinct variables one script may set.
  size_t max_variables = 255;
  // Longest variable name, dot-separated elements of a namespaced name, and highest match
  // variable index a script may use (Pigeonhole's compile-time limits).
  size_t max_variable_name_length = 64;
  size_t max_variable_name_elements = 4;
  size_t max_match_index = 32;
  // Size of a compiled program accepted by the loader.
  // include (RFC 6609): distinct scripts one compile may include, and how deep includes nest
  // (Pigeonhole's sieve_include_max_includes and sieve_include_max_nesting_depth).
  size_t max_includes = 255;
  size_t max_include_depth = 10;
  size_t max_program_size = 64 * 1024 * 1024;
  // sieve_notify_max_notifications: notify actions per execution (enotify, RFC 5435 §3.9 lets
  // the implementation limit them); 0 prohibits notify altogether.
  size_t max_notifications = 10;
  // sieve_editheader_max_header_size: longest value addheader may add (RFC 5293 §7).
  size_t max_header_size = 2048;
};

}  // namespace sieve
