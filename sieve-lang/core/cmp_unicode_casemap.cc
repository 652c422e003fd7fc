// i;unicode-casemap (RFC 5051): full Unicode case folding followed by NFKD, through ICU, so
// "Straße" equals "STRASSE". Inputs that are not UTF-8 fold what ICU can decode.
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "sieve-lang/core/core.h"

namespace sieve::core {
namespace {

std::string Fold(std::string_view s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), s.size()));
  u.foldCase(U_FOLD_CASE_DEFAULT);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
  if (U_SUCCESS(status)) {
    icu::UnicodeString normalized = nfkd->normalize(u, status);
    if (U_SUCCESS(status)) u = normalized;
  }
  std::string out;
  u.toUTF8String(out);
  return out;
}

class UnicodeCasemap final : public Comparator {
 public:
  std::string_view name() const override { return "i;unicode-casemap"; }
  bool Equal(std::string_view value, std::string_view key) const override {
    return Fold(value) == Fold(key);
  }
  int Compare(std::string_view a, std::string_view b) const override {
    return Fold(a).compare(Fold(b));
  }
  bool Contains(std::string_view value, std::string_view key) const override {
    return Fold(value).find(Fold(key)) != std::string::npos;
  }
  bool Matches(std::string_view value, std::string_view pattern,
               Captures* captures) const override {
    return GlobMatch(Fold(value), Fold(pattern), /*utf8=*/true,
                     [](char a, char b) { return a == b; }, captures);
  }
};

}  // namespace

const Comparator& UnicodeCasemapComparator() {
  static const UnicodeCasemap cmp;
  return cmp;
}

}  // namespace sieve::core
