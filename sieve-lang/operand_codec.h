// Encoding of an invoke's operands: positional values then tags (names with optional values).
// Comparator, match type and address part travel as tags and are resolved again at load.
#pragma once

#include "sieve-lang/bytecode.h"
#include "sieve-lang/limits.h"
#include "sieve-lang/value.h"

namespace sieve {

void EncodeOperands(ByteWriter& w, const Operands& ops);
// Fills positional values and tags; false when the input is truncated or malformed.
bool DecodeOperands(ByteReader& r, const Limits& limits, Operands& ops);

}  // namespace sieve
