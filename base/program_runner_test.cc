#include "base/program_runner.h"

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

namespace base {
namespace {

using std::chrono::milliseconds;

class ProgramRunnerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char templ[] = "/tmp/program_runner_test.XXXXXX";
    ASSERT_NE(::mkdtemp(templ), nullptr);
    dir_ = templ;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string Script(const std::string& name, const std::string& body) {
    std::string path = dir_ + "/" + name;
    std::ofstream(path) << "#!/bin/sh\n" << body;
    ::chmod(path.c_str(), 0755);
    return path;
  }

  std::string dir_;
};

TEST_F(ProgramRunnerTest, InputReachesTheProgramAndItsOutputComesBack) {
  ProgramRun run{.path = Script("upper", "tr a-z A-Z\n"), .input = "hello\n"};
  auto exit = RunProgram(run);
  ASSERT_TRUE(exit.has_value()) << exit.error().ToString();
  EXPECT_EQ(exit->status, 0);
  EXPECT_EQ(exit->output, "HELLO\n");
}

TEST_F(ProgramRunnerTest, LargeInputAndOutputDoNotDeadlock) {
  std::string big(3 << 20, 'x');
  ProgramRun run{.path = Script("cat", "cat\n"), .input = big, .max_output = 8 << 20};
  auto exit = RunProgram(run);
  ASSERT_TRUE(exit.has_value()) << exit.error().ToString();
  EXPECT_EQ(exit->output.size(), big.size());
  EXPECT_FALSE(exit->output_truncated);
}

TEST_F(ProgramRunnerTest, ExitStatusAndStandardErrorAreReported) {
  ProgramRun run{.path = Script("fail", "echo oops >&2\nexit 3\n")};
  auto exit = RunProgram(run);
  ASSERT_TRUE(exit.has_value());
  EXPECT_EQ(exit->status, 3);
  EXPECT_EQ(exit->errors, "oops\n");
  EXPECT_EQ(exit->output, "");
}

// Arguments are argv entries, never shell text: quotes, `;`, `$()` and globs arrive as they are.
TEST_F(ProgramRunnerTest, ArgumentsAreNotInterpretedByAShell) {
  std::string marker = dir_ + "/pwned";
  ProgramRun run{.path = Script("args", "for a in \"$@\"; do printf '[%s]' \"$a\"; done\n"),
                 .args = {"a b", "; touch " + marker, "$(touch " + marker + ")", "*", "'\""}};
  auto exit = RunProgram(run);
  ASSERT_TRUE(exit.has_value());
  EXPECT_EQ(exit->output, "[a b][; touch " + marker + "][$(touch " + marker + ")][*]['\"]");
  EXPECT_FALSE(std::filesystem::exists(marker));
}

TEST_F(ProgramRunnerTest, EnvironmentIsOnlyWhatWasGiven) {
  ::setenv("PROGRAM_RUNNER_SECRET", "leak", 1);
  ProgramRun run{.path = Script("env", "echo \"$SENDER|$PROGRAM_RUNNER_SECRET\"\n"),
                 .env = {"SENDER=a@example.com"}};
  auto exit = RunProgram(run);
  ASSERT_TRUE(exit.has_value());
  EXPECT_EQ(exit->output, "a@example.com|\n");
}

// The shell is killed, and so is the sleep it started (which holds the output pipe): the
// call returns at the timeout, not when sleep would have ended.
TEST_F(ProgramRunnerTest, TimeoutKillsTheProgramAndItsChildren) {
  std::string pidfile = dir_ + "/pid";
  ProgramRun run{.path = Script("slow", "sleep 30 &\necho $! > " + pidfile + "\nwait\n"),
                 .timeout = milliseconds(300)};
  auto start = std::chrono::steady_clock::now();
  auto exit = RunProgram(run);
  auto took = std::chrono::steady_clock::now() - start;
  ASSERT_FALSE(exit.has_value());
  EXPECT_EQ(exit.error().code(), Status::Code::kTemporary);
  EXPECT_NE(exit.error().message().find("timed out"), std::string::npos);
  EXPECT_LT(took, std::chrono::seconds(5));
  std::string pid;
  std::ifstream(pidfile) >> pid;
  ASSERT_FALSE(pid.empty());
  // Dead: gone, or a zombie waiting for whoever reaps orphans here.
  auto dead = [&] {
    std::ifstream stat("/proc/" + pid + "/stat");
    std::string pid_field, comm, state;
    if (!(stat >> pid_field >> comm >> state)) return true;
    return state == "Z" || state == "X";
  };
  bool gone = false;
  for (int i = 0; i < 100 && !gone; ++i) {
    gone = dead();
    if (!gone) ::usleep(20'000);
  }
  EXPECT_TRUE(gone) << "grandchild " << pid << " survived the timeout";
}

TEST_F(ProgramRunnerTest, OutputBeyondTheCapIsDropped) {
  ProgramRun run{.path = Script("big", "head -c 100000 /dev/zero\n"), .max_output = 1000};
  auto exit = RunProgram(run);
  ASSERT_TRUE(exit.has_value());
  EXPECT_EQ(exit->output.size(), 1000u);
  EXPECT_TRUE(exit->output_truncated);
  EXPECT_EQ(exit->status, 0);
}

TEST_F(ProgramRunnerTest, ProgramThatIgnoresItsInputFails) {
  std::string big(4 << 20, 'x');
  ProgramRun run{.path = Script("deaf", "exit 0\n"), .input = big};
  auto exit = RunProgram(run);
  ASSERT_FALSE(exit.has_value());
  EXPECT_EQ(exit.error().code(), Status::Code::kTemporary);
}

TEST_F(ProgramRunnerTest, MissingProgramIsNotFound) {
  auto exit = RunProgram({.path = dir_ + "/nothing"});
  ASSERT_FALSE(exit.has_value());
  EXPECT_EQ(exit.error().code(), Status::Code::kNotFound);
}

TEST_F(ProgramRunnerTest, ProgramInDirectoryStaysInsideTheDirectory) {
  Script("ok", "true\n");
  std::ofstream(dir_ + "/plain") << "not executable";
  std::filesystem::create_directory(dir_ + "/sub");
  EXPECT_EQ(ProgramInDirectory(dir_, "ok").value(), dir_ + "/ok");
  EXPECT_EQ(ProgramInDirectory(dir_, "missing").error().code(), Status::Code::kNotFound);
  EXPECT_EQ(ProgramInDirectory(dir_, "sub").error().code(), Status::Code::kNotFound);
  EXPECT_EQ(ProgramInDirectory(dir_, "plain").error().code(), Status::Code::kPermissionDenied);
  EXPECT_EQ(ProgramInDirectory("", "ok").error().code(), Status::Code::kNotFound);
  for (std::string_view bad : {"", ".", "..", "../ok", "sub/../ok", "/bin/sh"}) {
    EXPECT_EQ(ProgramInDirectory(dir_, bad).error().code(), Status::Code::kInvalidArgument)
        << bad;
  }
}

}  // namespace
}  // namespace base
