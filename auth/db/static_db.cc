#include "auth/db/static_db.h"

#include "auth/db/request_vars.h"
#include "base/strings.h"

namespace auth {
namespace {

// The args' fields with the request's variables expanded. A template error is the admin's
// (a typo in args), so the login fails temporarily and the log says why.
LookupResult Expanded(const Fields& templates, const AuthRequest& request) {
  Fields fields;
  for (const auto& [key, value] : templates) {
    auto expanded = ExpandForRequest(value, request);
    if (!expanded) return LookupResult::TempFail("static: " + expanded.error().message());
    fields.emplace_back(key, std::move(*expanded));
  }
  return LookupResult::Found(std::move(fields));
}

class StaticUserDb final : public UserDb {
 public:
  explicit StaticUserDb(Fields fields) : fields_(std::move(fields)) {}
  std::string_view driver() const override { return "static"; }
  LookupResult Lookup(const AuthRequest& request, const Fields&) override {
    return Expanded(fields_, request);
  }

 private:
  const Fields fields_;
};

class StaticPassDb final : public PassDb {
 public:
  explicit StaticPassDb(Fields fields) : fields_(std::move(fields)) {}
  std::string_view driver() const override { return "static"; }
  LookupResult Lookup(const AuthRequest& request) override { return Expanded(fields_, request); }

 private:
  const Fields fields_;
};

}  // namespace

base::Result<Fields> ParseStaticArgs(std::string_view args) {
  Fields fields;
  for (std::string_view word : base::SplitString(base::TrimWhitespace(args), ' ')) {
    if (word.empty()) continue;
    size_t eq = word.find('=');
    if (eq == 0) {
      return base::Err(base::Status::InvalidArgument("static: a field without a name: '" +
                                                     std::string(word) + "'"));
    }
    fields.emplace_back(std::string(word.substr(0, eq)),
                        eq == std::string_view::npos ? "" : std::string(word.substr(eq + 1)));
  }
  return fields;
}

std::unique_ptr<UserDb> NewStaticUserDb(Fields fields) {
  return std::make_unique<StaticUserDb>(std::move(fields));
}

std::unique_ptr<PassDb> NewStaticPassDb(Fields fields) {
  return std::make_unique<StaticPassDb>(std::move(fields));
}

}  // namespace auth
