// The Sieve syntax tree (RFC 5228 §8.2 grammar) as plain values. Identifiers and tags are
// stored lowercased (RFC 5228 §8.1: they are case-insensitive); strings are kept as written
// after escape processing and text: dot-unstuffing.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sieve-lang/diagnostic.h"

namespace sieve {

struct Argument {
  enum class Kind { kString, kStringList, kNumber, kTag };
  Kind kind = Kind::kString;
  SourceLocation location;
  // kString: exactly one element; kStringList: the list ("[...]"), possibly one element.
  std::vector<std::string> strings;
  // kNumber: the value with its K/M/G quantifier applied (saturated at UINT64_MAX... never
  // silently: overflow is a parse error).
  uint64_t number = 0;
  // kTag: the tag name without the leading ':', lowercased.
  std::string tag;
};

struct Test {
  std::string name;  // lowercased identifier
  SourceLocation location;
  std::vector<Argument> arguments;
  std::vector<Test> tests;  // a single test or a test-list "( t1, t2 )"
  bool test_list = false;   // true when written with parentheses
};

struct Command {
  std::string name;  // lowercased identifier
  SourceLocation location;
  std::vector<Argument> arguments;
  std::vector<Test> tests;  // as for Test
  bool test_list = false;
  bool has_block = false;   // "{ ... }" (possibly empty) instead of ";"
  std::vector<Command> block;
};

struct Script {
  std::vector<Command> commands;
};

// Deterministic text form of a tree for golden tests, e.g.
//   if @1:1
//     test header @1:4 tag:is "subject" ["a","b"]
//     block
//       keep @1:30
std::string Dump(const Script& script);

}  // namespace sieve
