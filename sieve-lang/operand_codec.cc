#include "sieve-lang/operand_codec.h"

namespace sieve {
namespace {

void EncodeValue(ByteWriter& w, const Value& v) {
  w.U8(static_cast<uint8_t>(v.type));
  switch (v.type) {
    case ArgType::kNumber: w.Varint(v.number); break;
    case ArgType::kString: w.String(v.str()); break;
    case ArgType::kStringList:
      w.Varint(v.strings.size());
      for (const std::string& s : v.strings) w.String(s);
      break;
  }
}

bool DecodeValue(ByteReader& r, const Limits& limits, Value& v) {
  uint8_t type = r.U8();
  if (type > static_cast<uint8_t>(ArgType::kNumber)) return false;
  v.type = static_cast<ArgType>(type);
  switch (v.type) {
    case ArgType::kNumber: v.number = r.Varint(); break;
    case ArgType::kString: v.strings.push_back(r.String(limits.max_string_length)); break;
    case ArgType::kStringList: {
      uint64_t n = r.Varint();
      if (n > limits.max_string_list_items) return false;
      for (uint64_t i = 0; i < n && r.ok(); ++i) {
        v.strings.push_back(r.String(limits.max_string_length));
      }
      break;
    }
  }
  return r.ok();
}

constexpr uint64_t kMaxOperands = 64;

}  // namespace

void EncodeOperands(ByteWriter& w, const Operands& ops) {
  w.Varint(ops.positional.size());
  for (const Value& v : ops.positional) EncodeValue(w, v);
  w.Varint(ops.tags.size());
  for (const TagValue& t : ops.tags) {
    w.String(t.name);
    w.U8(t.value.has_value() ? 1 : 0);
    if (t.value) EncodeValue(w, *t.value);
  }
}

bool DecodeOperands(ByteReader& r, const Limits& limits, Operands& ops) {
  uint64_t n = r.Varint();
  if (!r.ok() || n > kMaxOperands) return false;
  ops.positional.resize(n);
  for (Value& v : ops.positional) {
    if (!DecodeValue(r, limits, v)) return false;
  }
  n = r.Varint();
  if (!r.ok() || n > kMaxOperands) return false;
  ops.tags.resize(n);
  for (TagValue& t : ops.tags) {
    t.name = r.String(64);
    uint8_t has_value = r.U8();
    if (!r.ok() || has_value > 1) return false;
    if (has_value) {
      t.value.emplace();
      if (!DecodeValue(r, limits, *t.value)) return false;
    }
  }
  return r.ok();
}

}  // namespace sieve
