// Runs an administrator's program without a shell (posix_spawn of the file itself, argv as
// given), feeds it input, collects what it prints, and kills it when it runs too long. The
// program and everything it started run in their own process group, so a timeout kills the
// grandchildren holding its pipes too.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace base {

struct ProgramRun {
  std::string path;               // the executable itself; never interpreted by a shell
  std::vector<std::string> args;  // argv[1..]
  // The whole environment ("NAME=value"); nothing of ours is inherited. PATH gets a default
  // when missing, so scripts find cat, tr and sleep.
  std::vector<std::string> env;
  std::optional<std::string> input;  // standard input; nullopt: none (end of file at once)
  std::chrono::milliseconds timeout{10'000};
  size_t max_output = 1 << 20;  // standard output kept; the rest is read and dropped
  size_t max_errors = 4096;     // the same for standard error
};

struct ProgramExit {
  int status = 0;  // the exit status; 128 + N when killed by signal N
  std::string output;
  bool output_truncated = false;  // it printed more than max_output
  std::string errors;             // standard error, for the log
};

// Temporary when the program timed out (it is killed) or stopped reading its input early,
// NotFound/PermissionDenied when it cannot be started, IOError for pipe trouble. A program
// that ran to its end is a value, whatever its exit status.
Result<ProgramExit> RunProgram(const ProgramRun& run);

// Whether `name` may name a program inside a directory: not empty, not "." or "..", no '/'
// and no NUL (it must not leave the directory).
bool IsPlainFileName(std::string_view name);

// `dir`/`name` when `name` is a plain file name and that file is executable; NotFound when
// `dir` is empty (nothing configured) or there is no such program.
Result<std::string> ProgramInDirectory(std::string_view dir, std::string_view name);

// RunProgram of ProgramInDirectory(dir, name), `run.path` set to it.
Result<ProgramExit> RunProgramInDirectory(std::string_view dir, std::string_view name,
                                          ProgramRun run);

}  // namespace base
