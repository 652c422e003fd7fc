// Byte-level encoding of programs: big-endian fixed ints for patchable jump targets, base-128
// varints for everything else. The reader never reads past its input: every getter reports
// truncation through ok().
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace sieve {

class ByteWriter {
 public:
  void U8(uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void U16(uint16_t v);
  void U32(uint32_t v);
  void U64(uint64_t v);
  void Varint(uint64_t v);
  void String(std::string_view s);  // varint length + bytes
  void PatchU32(size_t at, uint32_t v);
  size_t size() const { return out_.size(); }
  std::string& bytes() { return out_; }

 private:
  std::string out_;
};

class ByteReader {
 public:
  explicit ByteReader(std::string_view in) : in_(in) {}
  uint8_t U8();
  uint16_t U16();
  uint32_t U32();
  uint64_t U64();
  uint64_t Varint();
  // Strings longer than `max_len` fail the reader.
  std::string String(size_t max_len);
  bool ok() const { return ok_; }
  bool at_end() const { return pos_ >= in_.size(); }
  size_t pos() const { return pos_; }

 private:
  bool Need(size_t n);
  std::string_view in_;
  size_t pos_ = 0;
  bool ok_ = true;
};

// FNV-1a, 64 bit: detects accidental damage to a program file (not an integrity guarantee
// against an attacker — program files are as trusted as the scripts beside them).
uint64_t Fnv1a64(std::string_view data);

}  // namespace sieve
