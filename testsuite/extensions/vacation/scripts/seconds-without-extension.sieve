require "vacation";

# RFC 6131 §2: :seconds belongs to vacation-seconds.
vacation :seconds 60 "Back soon.";
