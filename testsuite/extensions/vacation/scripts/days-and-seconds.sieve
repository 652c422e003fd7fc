require "vacation-seconds";

# RFC 6131 §2: :days and :seconds cannot be given together.
vacation :days 1 :seconds 60 "Back soon.";
