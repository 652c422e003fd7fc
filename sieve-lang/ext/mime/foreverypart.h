// What foreverypart (RFC 5703 §3) tells the other commands of its folder.
#pragma once

namespace sieve {

class ValidationContext;

// Whether the command being validated is inside a foreverypart loop (extracttext needs one).
bool IsInsideForeverypart(const ValidationContext& ctx);

}  // namespace sieve
