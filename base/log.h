// One line per event on stderr (or a log file the daemon opened as stderr), with a
// timestamp, written whole even when several threads log at once.
#pragma once

#include <string_view>

namespace base {

// `line` must not contain a newline; control characters are replaced so one event stays
// one line whatever a client sent.
void LogLine(std::string_view line);

// From now on lines go to syslog (facility mail, Dovecot's default) under `ident` instead of
// stderr: what a daemon without log_path does.
void LogToSyslog(const char* ident);

}  // namespace base
