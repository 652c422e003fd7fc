#include "net/unix_listener.h"

#include <grp.h>
#include <pwd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace net {
namespace {

base::Status Failed(const std::string& what, const std::string& path, int error) {
  return base::Status::IOError(what + " " + path + ": " + std::strerror(error));
}

// Whether something accepts connections at `path` (then it is not ours to remove).
bool Alive(const std::string& path) {
  int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return false;
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  std::strncpy(addr.sun_path, path.c_str(), sizeof addr.sun_path - 1);
  bool alive = connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  close(fd);
  return alive;
}

}  // namespace

base::Result<UnixAcceptor> ListenUnix(asio::io_context& io, const UnixListenerOptions& options) {
  const std::string& path = options.path;
  if (path.size() >= sizeof(sockaddr_un{}.sun_path)) {
    return base::Err(base::Status::InvalidArgument("socket path too long: " + path));
  }
  struct stat st {};
  if (lstat(path.c_str(), &st) == 0) {
    if (!S_ISSOCK(st.st_mode)) {
      return base::Err(base::Status::InvalidArgument(path + " exists and is not a socket"));
    }
    if (Alive(path)) {
      return base::Err(base::Status::InvalidArgument("another server is listening on " + path));
    }
    unlink(path.c_str());
  }
  uid_t uid = static_cast<uid_t>(-1);
  gid_t gid = static_cast<gid_t>(-1);
  if (!options.user.empty()) {
    passwd* pw = getpwnam(options.user.c_str());
    if (pw == nullptr) {
      return base::Err(base::Status::InvalidArgument("unix_listener " + path + ": no user '" +
                                                     options.user + "'"));
    }
    uid = pw->pw_uid;
  }
  if (!options.group.empty()) {
    group* gr = getgrnam(options.group.c_str());
    if (gr == nullptr) {
      return base::Err(base::Status::InvalidArgument("unix_listener " + path + ": no group '" +
                                                     options.group + "'"));
    }
    gid = gr->gr_gid;
  }
  UnixAcceptor acceptor(io);
  boost::system::error_code ec;
  acceptor.open(asio::local::stream_protocol(), ec);
  // The socket is created with no permissions and opened up once owner and mode are right,
  // so nobody connects in between.
  mode_t old_umask = umask(0777);
  if (!ec) acceptor.bind(asio::local::stream_protocol::endpoint(path), ec);
  umask(old_umask);
  if (ec) return base::Err(Failed("bind", path, ec.value()));
  if ((uid != static_cast<uid_t>(-1) || gid != static_cast<gid_t>(-1)) &&
      chown(path.c_str(), uid, gid) != 0) {
    return base::Err(Failed("chown", path, errno));
  }
  if (chmod(path.c_str(), options.mode) != 0) return base::Err(Failed("chmod", path, errno));
  acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) return base::Err(Failed("listen", path, ec.value()));
  return acceptor;
}

long PeerUid(UnixSocket& socket) {
  ucred cred{};
  socklen_t len = sizeof cred;
  if (getsockopt(socket.native_handle(), SOL_SOCKET, SO_PEERCRED, &cred, &len) != 0) return -1;
  return static_cast<long>(cred.uid);
}

}  // namespace net
