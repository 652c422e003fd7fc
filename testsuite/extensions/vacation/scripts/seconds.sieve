require "vacation-seconds";

# RFC 6131 §2: vacation-seconds implies vacation.
vacation :seconds 300 "Back in five minutes.";
