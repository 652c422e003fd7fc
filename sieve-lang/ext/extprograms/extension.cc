// vnd.dovecot.pipe, vnd.dovecot.filter, vnd.dovecot.execute (spec-bosch-sieve-extprograms):
// Pigeonhole's sieve_extprograms plugin. The engine knows them only with sieve_plugins =
// sieve_extprograms, and scripts may use them only once enabled (sieve_extensions or, as
// Pigeonhole recommends, sieve_global_extensions). Programs come from sieve_<kind>_bin_dir
// only, run by the host without a shell. Status: complete for direct execution; the
// sieve_<kind>_socket_dir script services are not supported.
#include "sieve-lang/ext/builtin.h"
#include "sieve-lang/ext/extprograms/extprograms.h"

namespace sieve {

const Extension& DovecotPipeExtension() {
  static const Extension ext{
      .name = "vnd.dovecot.pipe",
      .commands = {&ext::PipeCommand()},
      .plugin = ext::kExtprogramsPlugin,
  };
  return ext;
}

const Extension& DovecotFilterExtension() {
  static const Extension ext{
      .name = "vnd.dovecot.filter",
      .commands = {&ext::FilterCommand(), &ext::FilterTest()},
      .plugin = ext::kExtprogramsPlugin,
  };
  return ext;
}

const Extension& DovecotExecuteExtension() {
  static const Extension ext{
      .name = "vnd.dovecot.execute",
      .commands = {&ext::ExecuteCommand(), &ext::ExecuteTest()},
      .plugin = ext::kExtprogramsPlugin,
  };
  return ext;
}

}  // namespace sieve
