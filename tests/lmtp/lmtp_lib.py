"""Shared pieces of the LMTP end-to-end tests: a raw LMTP client and a private roost daemon
(passwd-file users with homes in a temp dir, Sieve scripts per user, a free port)."""
import os
import shutil
import signal
import socket
import ssl
import subprocess
import tempfile
import time


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Lmtp:
    """An LMTP connection that reads whole (multi-line) replies."""

    def __init__(self, port, timeout=30):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
        self.buf = b""
        self.greeting = self.reply()

    def _line(self):
        while b"\n" not in self.buf:
            data = self.sock.recv(65536)
            if not data:
                raise ConnectionError("connection closed")
            self.buf += data
        line, self.buf = self.buf.split(b"\n", 1)
        return line.rstrip(b"\r").decode("utf-8", "replace")

    def reply(self):
        """One reply as a list of lines; the code is reply()[-1][:3]."""
        lines = []
        while True:
            line = self._line()
            lines.append(line)
            if len(line) < 4 or line[3] != "-":
                return lines

    def code(self):
        return self.reply()[-1][:3]

    def send(self, data):
        if isinstance(data, str):
            data = data.encode()
        self.sock.sendall(data)

    def cmd(self, line):
        self.send(line + "\r\n")
        return self.reply()

    def starttls(self):
        ctx = ssl.create_default_context()
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
        self.sock = ctx.wrap_socket(self.sock)
        self.buf = b""

    def closed_by_peer(self, wait=5):
        self.sock.settimeout(wait)
        try:
            return self.sock.recv(1) == b""
        except (ConnectionError, socket.timeout):
            return True

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass


def data_text(subject, body="body\r\n", headers=""):
    return "Subject: %s\r\n%s\r\n%s" % (subject, headers, body)


class Roost:
    """A roost daemon in the foreground on a private configuration."""

    def __init__(self, binary, users=("alice", "bob", "carol"), extra="", scripts=None,
                 managesieve=False, own_ids_valid=True):
        """The users get the caller's uid/gid: root's when CI runs the tests, which
        first_valid_uid (500) and first_valid_gid (1) refuse, so the range is opened to them
        unless own_ids_valid is False."""
        self.binary = binary
        self.dir = tempfile.mkdtemp(prefix="roost-lmtp-")
        os.chmod(self.dir, 0o755)
        self.port = free_port()
        self.sieve_port = free_port() if managesieve else None
        self.proc = None
        uid, gid = os.getuid(), os.getgid()
        with open(os.path.join(self.dir, "passwd"), "w") as f:
            for user in users:
                home = self.home(user)
                os.makedirs(home, exist_ok=True)
                f.write("%s:{PLAIN}pw:%d:%d::%s::\n" % (user, uid, gid, home))
        for user, script in (scripts or {}).items():
            os.makedirs(os.path.join(self.home(user), "sieve"), exist_ok=True)
            with open(os.path.join(self.home(user), "sieve", "main.sieve"), "w") as f:
                f.write(script)
            os.symlink("sieve/main.sieve", os.path.join(self.home(user), ".dovecot.sieve"))
        self.conf = os.path.join(self.dir, "roost.conf")
        with open(self.conf, "w") as f:
            f.write("""base_dir = {d}/run
protocols = {protocols}
log_path = {d}/roost.log
mail_location = maildir:~/Maildir
auth_username_format = %Ln
recipient_delimiter = +
lmtp_save_to_detail_mailbox = yes
passdb {{
  driver = passwd-file
  args = {d}/passwd
}}
userdb {{
  driver = passwd-file
  args = {d}/passwd
}}
service lmtp {{
  inet_listener lmtp {{
    address = 127.0.0.1
    port = {p}
  }}
}}
{sieve_service}
protocol lmtp {{
  lda_mailbox_autocreate = yes
}}
plugin {{
  sieve = file:~/sieve;active=~/.dovecot.sieve
}}
{ids}{extra}
""".format(d=self.dir, p=self.port, extra=extra,
           ids="first_valid_uid = 0\nfirst_valid_gid = 0\n" if own_ids_valid else "",
           protocols="lmtp sieve" if managesieve else "lmtp",
           sieve_service=("service managesieve-login {\n  inet_listener sieve {\n"
                          "    address = 127.0.0.1\n    port = %d\n  }\n}" % self.sieve_port)
           if managesieve else ""))

    def add_test_certificate(self):
        """A self-signed certificate for localhost/127.0.0.1 as ssl_cert/ssl_key (STARTTLS);
        the file is self.dir/cert.pem, for clients that must trust it."""
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                        "-subj", "/CN=localhost",
                        "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                        "-keyout", self.dir + "/key.pem", "-out", self.dir + "/cert.pem"],
                       check=True, capture_output=True)
        with open(self.conf, "a") as f:
            f.write("ssl_cert = <%s/cert.pem\nssl_key = <%s/key.pem\n" % (self.dir, self.dir))

    def home(self, user):
        return os.path.join(self.dir, "home", user)

    def start(self):
        self.proc = subprocess.Popen([self.binary, "-F", "-c", self.conf])
        deadline = time.time() + 20
        while time.time() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                if self.proc.poll() is not None:
                    raise RuntimeError("roost exited with %s: %s" % (self.proc.returncode, self.log()))
                time.sleep(0.05)
        raise RuntimeError("roost did not listen on %d" % self.port)

    def kill(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait()

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=40)
            except subprocess.TimeoutExpired:
                self.kill()

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def log(self):
        try:
            with open(os.path.join(self.dir, "roost.log")) as f:
                return f.read()
        except OSError:
            return ""

    def messages(self, user, folder=""):
        """Contents (bytes) of the messages in new/ and cur/ of a folder ("" = INBOX)."""
        root = os.path.join(self.home(user), "Maildir", "." + folder if folder else "")
        found = []
        for sub in ("new", "cur"):
            path = os.path.join(root, sub)
            if os.path.isdir(path):
                for name in sorted(os.listdir(path)):
                    with open(os.path.join(path, name), "rb") as f:
                        found.append(f.read())
        return found

    def tmp_files(self, user):
        """Files left in any tmp/ of the user's Maildir."""
        left = []
        for root, _dirs, files in os.walk(os.path.join(self.home(user), "Maildir")):
            if os.path.basename(root) == "tmp":
                left += files
        return left

    def cleanup(self):
        self.stop()
        if os.environ.get("KEEP") == "1":
            print("kept", self.dir)
        else:
            shutil.rmtree(self.dir, ignore_errors=True)
