// test_message (:smtp / :folder MAILBOX) INDEX, as a command and as a test, and
// test_message_print (testsuite-spec §5.5).
#include <cstdio>

#include "base/strings.h"
#include "sieve-lang/runtime.h"
#include "sieve-lang/validator.h"
#include "testsuite/commands.h"
#include "testsuite/state.h"

namespace testsuite {
namespace {

bool Validate(sieve::ValidationContext& ctx, sieve::Node& node) {
  const sieve::Operands& ops = node.operands;
  if (!ops.HasTag("smtp") && !ops.HasTag("folder")) {
    bool is_test = node.def->kind == sieve::CommandKind::kTest;
    ctx.Error(node.location, std::string("the test_message ") + (is_test ? "test" : "command") +
                                 " requires either the :smtp or the :mailbox tag to be specified");
    return false;
  }
  if (const sieve::TagValue* folder = ops.FindTag("folder")) {
    if (!base::IsValidUtf8(folder->value->str())) {
      ctx.Error(node.location, "invalid mailbox name '" + folder->value->str() +
                                   "' specified for test_message (not UTF-8)");
      return false;
    }
  }
  return true;
}

// Makes the selected message current; false when there is none at that index.
bool Select(sieve::Runtime& rt, const sieve::Operands& ops, std::string& what) {
  State& state = StateOf(rt);
  uint64_t index = ops.positional[0].number;
  bool found = false;
  if (const sieve::TagValue* folder = ops.FindTag("folder")) {
    const std::string& mailbox = folder->value->str();
    what = "no message in folder '" + mailbox + "' with index " + std::to_string(index);
    if (const StoredMessage* stored = state.store().Get(mailbox, index)) {
      std::vector<std::string> flags = stored->flags;
      state.SetMessage(stored->raw);
      rt.Rebind(state.message(), state.envelope());
      SetCurrentFlags(rt, flags);
      found = true;
    } else if (!state.store().Exists(mailbox)) {
      state.SetMessage(std::string(State::kDefaultMessage));
    }
  } else {
    what = "no outgoing SMTP message with index " + std::to_string(index);
    if (index < state.outbox().size()) {
      OutboxEntry entry = state.outbox()[index];
      state.SetMessage(entry.message);
      state.mutable_envelope().from = entry.from;
      state.mutable_envelope().to = entry.to;
      found = true;
    }
  }
  rt.Rebind(state.message(), state.envelope());
  return found;
}

sieve::Signature MessageSignature() {
  return {.positional = {{"index", sieve::ArgType::kNumber}},
          .tags = {{"smtp", std::nullopt, {}, 1},
                   {"folder", sieve::ArgType::kString, "mailbox", 1}}};
}

}  // namespace

const sieve::CommandDef& TestMessageCommand() {
  static const sieve::CommandDef def{
      .name = "test_message",
      .signature = MessageSignature(),
      .validate = Validate,
      .execute = [](sieve::Runtime& rt, const sieve::Operands& ops) -> sieve::ExecStatus {
        std::string what;
        if (Select(rt, ops, what)) return {};
        return FailCurrentTest(rt, what);
      },
  };
  return def;
}

const sieve::CommandDef& TestMessageTest() {
  static const sieve::CommandDef def{
      .name = "test_message",
      .kind = sieve::CommandKind::kTest,
      .signature = MessageSignature(),
      .validate = Validate,
      .evaluate = [](sieve::Runtime& rt, const sieve::Operands& ops) -> sieve::TestOutcome {
        std::string what;
        return Select(rt, ops, what);
      },
  };
  return def;
}

const sieve::CommandDef& TestMessagePrintCommand() {
  static const sieve::CommandDef def{
      .name = "test_message_print",
      .execute = [](sieve::Runtime& rt, const sieve::Operands&) -> sieve::ExecStatus {
        State& state = StateOf(rt);
        std::fprintf(state.out(), "\n--MESSAGE: \n%s\n--MESSAGE--\n",
                     state.message().bytes().c_str());
        return {};
      },
  };
  return def;
}

}  // namespace testsuite
