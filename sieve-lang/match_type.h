// Match types (RFC 5228 §2.7.1): how a value is compared with a key through a comparator.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "sieve-lang/comparator.h"

namespace sieve {

class Host;

class MatchType {
 public:
  virtual ~MatchType() = default;
  virtual std::string_view name() const = 0;  // the tag without ':'
  // Needs Contains/Matches of the comparator (checked at compile time).
  virtual bool NeedsSubstring() const { return false; }
  // Whether the tag takes a string parameter (relational's ":value \"ge\""), and what is
  // wrong with a given one (nullopt when fine).
  virtual bool HasParam() const { return false; }
  virtual std::optional<std::string> CheckParam(std::string_view) const { return std::nullopt; }
  // What is wrong with a constant key (a :regex that does not compile), checked when the
  // script is compiled; keys with variables are only known at run time.
  virtual std::optional<std::string> CheckKey(std::string_view, const Comparator&) const {
    return std::nullopt;
  }
  // What is wrong with a key built at run time, if anything; asked after a failed match only,
  // so it must be cheap for good keys (regex: a look-up in its pattern cache).
  virtual std::optional<std::string> RuntimeKeyError(std::string_view, const Comparator&) const {
    return std::nullopt;
  }
  // Whether keys are matched against the number of values instead of the values (:count).
  virtual bool CountsValues() const { return false; }
  // `param` is the tag's parameter, empty when it has none. Match types that set match
  // variables (RFC 5229 §3.2) fill `captures`, when given, on a match: index 0 the matched
  // part of the value, then one entry per wildcard; the others leave it alone.
  virtual bool Match(const Comparator& cmp, std::string_view value, std::string_view key,
                     std::string_view param, Captures* captures) const = 0;
  // Match with the embedder at hand, for match types whose keys name something only the
  // embedder knows (extlists' :list: keys are names of externally stored lists, RFC 6134).
  // The default is Match. The runtime is to call this rather than Match; until it does,
  // such match types see no host and match nothing (see ext/extlists/mt_list.cc).
  virtual bool MatchWithHost(const Host& host, const Comparator& cmp, std::string_view value,
                             std::string_view key, std::string_view param,
                             Captures* captures) const {
    (void)host;  // only match types that look keys up use it
    return Match(cmp, value, key, param, captures);
  }
};

}  // namespace sieve
