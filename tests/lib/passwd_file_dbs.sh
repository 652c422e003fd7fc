# The passdb and userdb blocks of a Roost/Dovecot configuration for one passwd-file, which
# most end-to-end tests use (source this file):
#   passwd_file_dbs FILE   prints both blocks
passwd_file_dbs() {
  cat <<CONF
passdb {
  driver = passwd-file
  args = $1
}
userdb {
  driver = passwd-file
  args = $1
}
CONF
}
