// test_mailbox_create, test_mailbox_delete and test_imap_metadata_set (testsuite-spec §5.6).
#include "base/strings.h"
#include "sieve-lang/runtime.h"
#include "sieve-lang/validator.h"
#include "testsuite/commands.h"
#include "testsuite/state.h"

namespace testsuite {
namespace {

bool ValidMailboxName(std::string_view name) { return !name.empty() && base::IsValidUtf8(name); }

bool ValidateMailbox(sieve::ValidationContext& ctx, sieve::Node& node) {
  const std::string& mailbox = node.operands.positional[0].str();
  if (!ValidMailboxName(mailbox)) {
    ctx.Error(node.location, "invalid mailbox name '" + mailbox + "' specified");
    return false;
  }
  return true;
}

sieve::ExecStatus Create(sieve::Runtime& rt, const sieve::Operands& ops) {
  const std::string& mailbox = ops.positional[0].str();
  if (!ValidMailboxName(mailbox)) {
    return std::unexpected(sieve::ExecError{"invalid mailbox name '" + mailbox + "'"});
  }
  StateOf(rt).store().Create(mailbox);  // "already exists" is fine
  return {};
}

sieve::ExecStatus SetMetadata(sieve::Runtime& rt, const sieve::Operands& ops) {
  const std::string& entry = ops.positional[0].str();
  // RFC 5464 §3.2: entries live under /private or /shared.
  if (!base::StartsWithIgnoreCase(entry, "/private/") &&
      !base::StartsWithIgnoreCase(entry, "/shared/")) {
    return std::unexpected(sieve::ExecError{"invalid metadata entry name '" + entry + "'"});
  }
  const sieve::TagValue* mailbox = ops.FindTag("mailbox");
  StateOf(rt).store().SetMetadata(mailbox ? mailbox->value->str() : "", entry,
                                  ops.positional[1].str());
  return {};
}

}  // namespace

const sieve::CommandDef& TestMailboxCreateCommand() {
  static const sieve::CommandDef def{
      .name = "test_mailbox_create",
      .signature = {.positional = {{"mailbox", sieve::ArgType::kString}}},
      .validate = ValidateMailbox,
      .execute = Create,
  };
  return def;
}

const sieve::CommandDef& TestMailboxDeleteCommand() {
  static const sieve::CommandDef def{
      .name = "test_mailbox_delete",
      .signature = {.positional = {{"mailbox", sieve::ArgType::kString}}},
      .validate = ValidateMailbox,
      .execute = [](sieve::Runtime& rt, const sieve::Operands&) {
        return FailCurrentTest(rt, "test_mailbox_delete: NOT IMPLEMENTED");
      },
  };
  return def;
}

const sieve::CommandDef& TestImapMetadataSetCommand() {
  static const sieve::CommandDef def{
      .name = "test_imap_metadata_set",
      .signature = {.positional = {{"entry", sieve::ArgType::kString},
                                   {"value", sieve::ArgType::kString}},
                    .tags = {{"mailbox", sieve::ArgType::kString, "mailbox", 0}}},
      .execute = SetMetadata,
  };
  return def;
}

}  // namespace testsuite
