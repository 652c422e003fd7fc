#include "sieve-lang/bytecode.h"

namespace sieve {

void ByteWriter::U16(uint16_t v) {
  U8(static_cast<uint8_t>(v >> 8));
  U8(static_cast<uint8_t>(v));
}

void ByteWriter::U32(uint32_t v) {
  U16(static_cast<uint16_t>(v >> 16));
  U16(static_cast<uint16_t>(v));
}

void ByteWriter::U64(uint64_t v) {
  U32(static_cast<uint32_t>(v >> 32));
  U32(static_cast<uint32_t>(v));
}

void ByteWriter::Varint(uint64_t v) {
  while (v >= 0x80) {
    U8(static_cast<uint8_t>(v | 0x80));
    v >>= 7;
  }
  U8(static_cast<uint8_t>(v));
}

void ByteWriter::String(std::string_view s) {
  Varint(s.size());
  out_.append(s);
}

void ByteWriter::PatchU32(size_t at, uint32_t v) {
  for (int i = 0; i < 4; ++i) out_[at + i] = static_cast<char>(v >> (24 - 8 * i));
}

bool ByteReader::Need(size_t n) {
  if (!ok_ || in_.size() - pos_ < n) {
    ok_ = false;
    return false;
  }
  return true;
}

uint8_t ByteReader::U8() {
  if (!Need(1)) return 0;
  return static_cast<uint8_t>(in_[pos_++]);
}

uint16_t ByteReader::U16() {
  uint16_t hi = U8();
  return static_cast<uint16_t>(hi << 8 | U8());
}

uint32_t ByteReader::U32() {
  uint32_t hi = U16();
  return hi << 16 | U16();
}

uint64_t ByteReader::U64() {
  uint64_t hi = U32();
  return hi << 32 | U32();
}

uint64_t ByteReader::Varint() {
  uint64_t v = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    uint8_t b = U8();
    if (!ok_) return 0;
    v |= static_cast<uint64_t>(b & 0x7f) << shift;
    if ((b & 0x80) == 0) return v;
  }
  ok_ = false;  // more than 10 bytes: not a varint we wrote
  return 0;
}

std::string ByteReader::String(size_t max_len) {
  uint64_t len = Varint();
  if (!ok_ || len > max_len || !Need(len)) {
    ok_ = false;
    return {};
  }
  std::string s(in_.substr(pos_, len));
  pos_ += len;
  return s;
}

uint64_t Fnv1a64(std::string_view data) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : data) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

}  // namespace sieve
