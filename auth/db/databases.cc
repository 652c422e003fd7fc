#include "auth/db/databases.h"

#include <map>

#include "auth/db/passwd_file_db.h"
#include "auth/db/prefetch_userdb.h"
#include "auth/db/static_db.h"
#include "auth/sql/sql_db.h"
#include "base/strings.h"

namespace auth {
namespace {

std::string Where(const config::Section& section) {
  return section.file + ":" + std::to_string(section.line);
}

base::Status Bad(const config::Section& section, std::string_view what) {
  return base::Status::InvalidArgument(Where(section) + ": " + section.type + ": " +
                                       std::string(what));
}

std::string Value(const config::Section& section, std::string_view key) {
  const config::Setting* setting = section.Find(key);
  return setting != nullptr ? setting->value : std::string();
}

base::Result<bool> Flag(const config::Section& section, std::string_view key) {
  std::string value = base::AsciiToLower(Value(section, key));
  if (value.empty() || value == "no") return false;
  if (value == "yes") return true;
  return base::Err(Bad(section, std::string(key) + " must be yes or no, not '" + value + "'"));
}

base::Result<ChainAction> Action(const config::Section& section, std::string_view key,
                                 ChainAction fallback) {
  static const std::map<std::string, ChainAction, std::less<>> kActions = {
      {"return-ok", ChainAction::kReturnOk},       {"return-fail", ChainAction::kReturnFail},
      {"return", ChainAction::kReturn},            {"continue", ChainAction::kContinue},
      {"continue-ok", ChainAction::kContinueOk},   {"continue-fail", ChainAction::kContinueFail}};
  std::string value = Value(section, key);
  if (value.empty()) return fallback;
  auto it = kActions.find(value);
  if (it == kActions.end()) {
    return base::Err(Bad(section, std::string(key) + ": unknown action '" + value + "'"));
  }
  return it->second;
}

base::Result<Fields> FieldList(const config::Section& section, std::string_view key) {
  auto fields = ParseStaticArgs(Value(section, key));
  if (!fields) return base::Err(Bad(section, fields.error().message()));
  return fields;
}

// Handles shared between a passdb and a userdb with the same driver and args.
struct Shared {
  std::map<std::string, std::shared_ptr<PasswdFileSet>> passwd_files;
  std::map<std::string, std::shared_ptr<SqlDatabase>> sql;
};

base::Result<std::shared_ptr<SqlDatabase>> Sql(Shared& shared, const config::Section& section) {
  std::string args(base::TrimWhitespace(Value(section, "args")));
  auto& slot = shared.sql[args];
  if (slot == nullptr) {
    if (args.empty()) return base::Err(Bad(section, "sql needs args = <dovecot-sql.conf.ext path>"));
    auto opened = OpenSqlDatabase(args);
    if (!opened) return base::Err(Bad(section, opened.error().message()));
    slot = std::move(*opened);
  }
  return slot;
}

base::Result<std::shared_ptr<PasswdFileSet>> PasswdFiles(Shared& shared,
                                                         const config::Section& section) {
  std::string args = Value(section, "args");
  auto& slot = shared.passwd_files[args];
  if (slot == nullptr) {
    auto parsed = ParsePasswdFileArgs(args);
    if (!parsed) return base::Err(Bad(section, parsed.error().message()));
    slot = NewPasswdFileSet(std::move(*parsed));
  }
  return slot;
}

base::Status ReadChainSettings(const config::Section& section, ChainSlot& slot) {
  auto success = Action(section, "result_success", ChainAction::kReturnOk);
  auto failure = Action(section, "result_failure", ChainAction::kContinue);
  auto internal = Action(section, "result_internalfailure", ChainAction::kContinue);
  auto defaults = FieldList(section, "default_fields");
  auto overrides = FieldList(section, "override_fields");
  for (const base::Status* error :
       {success ? nullptr : &success.error(), failure ? nullptr : &failure.error(),
        internal ? nullptr : &internal.error(), defaults ? nullptr : &defaults.error(),
        overrides ? nullptr : &overrides.error()}) {
    if (error != nullptr) return *error;
  }
  slot.where = Where(section);
  slot.result_success = *success;
  slot.result_failure = *failure;
  slot.result_internalfailure = *internal;
  slot.default_fields = std::move(*defaults);
  slot.override_fields = std::move(*overrides);
  return base::Status::Ok();
}

base::Result<PassDbSlot> OpenPassDb(Shared& shared, const config::Section& section) {
  PassDbSlot slot;
  if (base::Status status = ReadChainSettings(section, slot); !status.ok()) return base::Err(status);
  auto deny = Flag(section, "deny");
  auto master = Flag(section, "master");
  if (!deny) return base::Err(deny.error());
  if (!master) return base::Err(master.error());
  if (*master) return base::Err(Bad(section, "master passdbs are not supported by Roost"));
  slot.deny = *deny;
  std::string driver = Value(section, "driver");
  if (driver == "passwd-file") {
    auto files = PasswdFiles(shared, section);
    if (!files) return base::Err(files.error());
    slot.default_scheme = std::string(PasswdFileScheme(**files));
    slot.db = NewPasswdFilePassDb(*files);
  } else if (driver == "sql") {
    auto db = Sql(shared, section);
    if (!db) return base::Err(db.error());
    slot.default_scheme = std::string((*db)->default_pass_scheme());
    slot.db = NewSqlPassDb(*db);
  } else if (driver == "static") {
    auto fields = FieldList(section, "args");
    if (!fields) return base::Err(fields.error());
    slot.default_scheme = "PLAIN";
    slot.db = NewStaticPassDb(std::move(*fields));
  } else if (driver.empty()) {
    return base::Err(Bad(section, "no driver"));
  } else {
    return base::Err(Bad(section, "driver '" + driver + "' is not supported by Roost"));
  }
  return slot;
}

base::Result<UserDbSlot> OpenUserDb(Shared& shared, const config::Section& section) {
  UserDbSlot slot;
  if (base::Status status = ReadChainSettings(section, slot); !status.ok()) return base::Err(status);
  std::string driver = Value(section, "driver");
  if (driver == "passwd-file") {
    auto files = PasswdFiles(shared, section);
    if (!files) return base::Err(files.error());
    slot.db = NewPasswdFileUserDb(*files);
  } else if (driver == "sql") {
    auto db = Sql(shared, section);
    if (!db) return base::Err(db.error());
    slot.db = NewSqlUserDb(*db);
  } else if (driver == "static") {
    auto fields = FieldList(section, "args");
    if (!fields) return base::Err(fields.error());
    slot.db = NewStaticUserDb(std::move(*fields));
  } else if (driver == "prefetch") {
    slot.db = NewPrefetchUserDb();
  } else if (driver.empty()) {
    return base::Err(Bad(section, "no driver"));
  } else {
    return base::Err(Bad(section, "driver '" + driver + "' is not supported by Roost"));
  }
  return slot;
}

}  // namespace

base::Result<Databases> OpenDatabases(const config::Config& config) {
  Databases databases;
  Shared shared;
  for (const config::Section& section : config.root.children) {
    if (section.type == "passdb") {
      auto slot = OpenPassDb(shared, section);
      if (!slot) return base::Err(slot.error());
      databases.passdbs.push_back(std::move(*slot));
    } else if (section.type == "userdb") {
      auto slot = OpenUserDb(shared, section);
      if (!slot) return base::Err(slot.error());
      databases.userdbs.push_back(std::move(*slot));
    }
  }
  return databases;
}

}  // namespace auth
