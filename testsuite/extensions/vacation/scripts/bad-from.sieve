require "vacation";

# RFC 5230 §4.4: :from must be a valid address.
vacation :from "not an address" "Away.";
