#include "managesieved/script_commands.h"

#include <cstdlib>

#include "managesieved/response.h"

namespace managesieved {
namespace {

constexpr const char* kActiveNotDeleted = "Cannot delete the active Sieve script.";

}  // namespace

std::optional<std::vector<std::string>> StringArguments(const Command& command, size_t count,
                                                        size_t optional) {
  if (command.args.size() < count || command.args.size() > count + optional) return std::nullopt;
  std::vector<std::string> out;
  for (const Argument& arg : command.args) {
    if (!arg.is_string) return std::nullopt;
    out.push_back(arg.text);
  }
  return out;
}

std::string ScriptChecker::Check(const std::string& script, const std::string& name,
                                 std::string& warnings) const {
  sieve::CompileOutput compiled = engine.Compile(script, "script", nullptr, false);
  const std::string prefix = name.empty() ? "" : name + ": ";
  std::string errors;
  size_t shown = 0;
  for (const sieve::Diagnostic& d : compiled.diagnostics) {
    if (d.severity == sieve::Diagnostic::Severity::kWarning) {
      warnings += prefix + sieve::FormatPigeonhole(d) + "\r\n";
    } else if (shown++ < max_compile_errors) {
      errors += prefix + sieve::FormatPigeonhole(d) + "\r\n";
    }
  }
  if (compiled.program) return "";
  if (shown > max_compile_errors) errors += prefix + "error: more errors not shown.\r\n";
  return errors.empty() ? prefix + "error: the script does not compile.\r\n" : errors;
}

ScriptReply RunScriptCommand(const Command& command, storage::ScriptStore& store,
                             const ScriptChecker& checker) {
  const std::string& name = command.name;
  ScriptReply reply;
  auto ok = [&](std::string text) {
    reply.text += std::move(text);
    return reply;
  };
  auto bad = [&](std::string text) {
    reply.text = std::move(text);
    reply.bad = true;
    return reply;
  };
  auto fail = [&](const base::Status& status, std::string_view code_if_exists = {}) {
    std::string code;
    switch (status.code()) {
      case base::Status::Code::kNotFound: code = "NONEXISTENT"; break;
      case base::Status::Code::kQuotaExceeded:
        code = status.message().find("scripts") != std::string::npos ? "QUOTA/MAXSCRIPTS"
                                                                     : "QUOTA/MAXSIZE";
        break;
      case base::Status::Code::kInvalidArgument: code = std::string(code_if_exists); break;
      default: code = "TRYLATER"; break;
    }
    if (code == "TRYLATER") reply.log = name + " failed: " + status.message();
    // The texts Pigeonhole gives with these codes, which admins and users already know.
    std::string text = status.message();
    if (code == "NONEXISTENT" && !command.args.empty()) {
      text = "Sieve script `" + command.args[0].text + "' not found";
    } else if (code == "ALREADYEXISTS") {
      text = "A sieve script with that name already exists.";
    } else if (code == "ACTIVE") {
      text = kActiveNotDeleted;
    }
    reply.text = No(text, code);
    return reply;
  };
  if (name == "LISTSCRIPTS") {
    if (!command.args.empty()) return bad(No("LISTSCRIPTS takes no arguments."));
    auto scripts = store.List();
    if (!scripts) return fail(scripts.error());
    for (const auto& script : *scripts) {
      reply.text += String(script.name) + (script.active ? " ACTIVE" : "") + "\r\n";
    }
    return ok(Ok("Listscripts completed."));
  }
  if (name == "HAVESPACE") {
    if (command.args.size() != 2 || !command.args[0].is_string || command.args[1].is_string) {
      return bad(No("HAVESPACE takes a script name and a size."));
    }
    char* end = nullptr;
    unsigned long long size = std::strtoull(command.args[1].text.c_str(), &end, 10);
    if (command.args[1].text.empty() || *end != '\0') return bad(No("Invalid size."));
    if (auto why = storage::ScriptStore::CheckName(command.args[0].text)) return bad(No(*why));
    if (size > checker.max_script_size) {
      return ok(No("Script is too large (max " + std::to_string(checker.max_script_size) +
                   " bytes).", "QUOTA/MAXSIZE"));
    }
    base::Status space = store.CheckSpace(command.args[0].text, size);
    if (!space.ok()) return fail(space);
    return ok(Ok("Putscript would succeed."));
  }
  if (name == "CHECKSCRIPT" || name == "PUTSCRIPT") {
    bool put = name == "PUTSCRIPT";
    auto args = StringArguments(command, put ? 2 : 1);
    if (!args) return bad(No(name + (put ? " takes a name and a script." : " takes a script.")));
    const std::string& script = (*args)[put ? 1 : 0];
    if (put) {
      if (auto why = storage::ScriptStore::CheckName((*args)[0])) return bad(No(*why));
    }
    std::string warnings;
    std::string errors = checker.Check(script, put ? (*args)[0] : std::string(), warnings);
    if (!errors.empty()) {
      return ok(No(errors));
    }
    if (put) {
      base::Status stored = store.Put((*args)[0], script);
      if (!stored.ok()) return fail(stored);
      reply.log = "stored script " + (*args)[0];
    }
    return ok(warnings.empty() ? Ok(put ? "PUTSCRIPT completed." : "Script is valid.")
                          : Ok(warnings, "WARNINGS"));
  }
  if (name == "GETSCRIPT") {
    auto args = StringArguments(command, 1);
    if (!args) return bad(No("GETSCRIPT takes a script name."));
    auto script = store.Read((*args)[0]);
    if (!script) return fail(script.error());
    reply.text += "{" + std::to_string(script->size()) + "}\r\n" + *script + "\r\n";
    return ok(Ok("Getscript completed."));
  }
  if (name == "SETACTIVE") {
    auto args = StringArguments(command, 1);
    if (!args) return bad(No("SETACTIVE takes a script name."));
    if (!(*args)[0].empty()) {
      // The script that becomes active must compile, as delivery will run it.
      auto script = store.Read((*args)[0]);
      if (!script) return fail(script.error());
      std::string warnings;
      std::string errors = checker.Check(*script, (*args)[0], warnings);
      if (!errors.empty()) {
        return ok(No(errors));
      }
    }
    base::Status activated = store.Activate((*args)[0]);
    if (!activated.ok()) return fail(activated);
    reply.log = (*args)[0].empty() ? "deactivated the active script" : "activated " + (*args)[0];
    return ok(Ok("Setactive completed."));
  }
  if (name == "DELETESCRIPT") {
    auto args = StringArguments(command, 1);
    if (!args) return bad(No("DELETESCRIPT takes a script name."));
    auto active = store.ActiveName();
    if (active && *active && **active == (*args)[0]) {
      return ok(No(kActiveNotDeleted, "ACTIVE"));
    }
    base::Status deleted = store.Delete((*args)[0]);
    if (!deleted.ok()) return fail(deleted, "ACTIVE");
    return ok(Ok("Deletescript completed."));
  }
  // RENAMESCRIPT
  auto args = StringArguments(command, 2);
  if (!args) return bad(No("RENAMESCRIPT takes two script names."));
  if (auto why = storage::ScriptStore::CheckName((*args)[1])) return bad(No(*why));
  base::Status renamed = store.Rename((*args)[0], (*args)[1]);
  if (!renamed.ok()) return fail(renamed, "ALREADYEXISTS");
  return ok(Ok("Renamescript completed."));
}

}  // namespace managesieved
