#include "mail/charset.h"

#include <memory>

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>

#include "base/strings.h"

namespace mail {
namespace {

struct ConverterCloser {
  void operator()(UConverter* cnv) const { ucnv_close(cnv); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

// Charset names can carry ICU options after ',' (e.g. "ibm-1047,swaplfnl"); mail charset
// names never do, and long names are not charsets.
constexpr size_t kMaxCharsetName = 64;

bool IsUtf8Name(std::string_view name) {
  return base::EqualsIgnoreCase(name, "utf-8") || base::EqualsIgnoreCase(name, "utf8");
}

bool IsAsciiName(std::string_view name) {
  return base::EqualsIgnoreCase(name, "us-ascii") || base::EqualsIgnoreCase(name, "ascii");
}

bool IsAllAscii(std::string_view bytes) {
  for (char c : bytes) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// ICU's default substitute for some single-byte codepages is U+001A; the contract is U+FFFD
// for every undecodable sequence.
void SubstituteFffd(const void* /*context*/, UConverterToUnicodeArgs* args, const char* /*units*/,
                    int32_t /*length*/, UConverterCallbackReason reason, UErrorCode* err) {
  if (reason > UCNV_IRREGULAR) return;  // reset/close/clone: nothing to write
  static constexpr UChar kReplacement = 0xFFFD;
  *err = U_ZERO_ERROR;
  ucnv_cbToUWriteUChars(args, &kReplacement, 1, 0, err);
}

ConverterPtr OpenConverter(std::string_view charset) {
  if (charset.empty() || charset.size() > kMaxCharsetName) return nullptr;
  for (char c : charset) {
    if (c <= ' ' || c == ',' || static_cast<unsigned char>(c) >= 0x7f) return nullptr;
  }
  std::string name(charset);
  UErrorCode status = U_ZERO_ERROR;
  ConverterPtr cnv(ucnv_open(name.c_str(), &status));
  if (U_FAILURE(status)) return nullptr;
  return cnv;
}

}  // namespace

std::optional<std::string> ToUtf8(std::string_view bytes, std::string_view charset) {
  // Fast paths: nothing to convert, so ICU is not consulted.
  if ((IsUtf8Name(charset) && base::IsValidUtf8(bytes)) ||
      (IsAsciiName(charset) && IsAllAscii(bytes))) {
    return std::string(bytes);
  }
  ConverterPtr source = OpenConverter(charset);
  if (!source) return std::nullopt;
  UErrorCode status = U_ZERO_ERROR;
  ConverterPtr utf8(ucnv_open("UTF-8", &status));
  if (U_FAILURE(status)) return std::nullopt;
  ucnv_setToUCallBack(source.get(), SubstituteFffd, nullptr, nullptr, nullptr, &status);
  if (U_FAILURE(status)) return std::nullopt;

  std::string out;
  out.reserve(bytes.size() + bytes.size() / 2);
  char buffer[8192];
  UChar pivot[1024];
  UChar* pivot_source = pivot;
  UChar* pivot_target = pivot;
  const char* src = bytes.data();
  const char* src_end = bytes.data() + bytes.size();
  bool reset = true;
  for (;;) {
    char* target = buffer;
    status = U_ZERO_ERROR;
    ucnv_convertEx(utf8.get(), source.get(), &target, buffer + sizeof(buffer), &src, src_end, pivot,
                   &pivot_source, &pivot_target, pivot + 1024, reset, /*flush=*/true, &status);
    reset = false;
    out.append(buffer, static_cast<size_t>(target - buffer));
    if (status == U_BUFFER_OVERFLOW_ERROR) continue;  // more output pending
    if (U_FAILURE(status)) return std::nullopt;
    return out;
  }
}

}  // namespace mail
