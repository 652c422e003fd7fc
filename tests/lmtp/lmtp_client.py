"""A raw LMTP client (RFC 2033 over RFC 5321, with RFC 2920 pipelining and RFC 3030 BDAT)
and a private roost daemon for end-to-end tests: passwd-file users whose homes lie in a
temporary directory, a Sieve script per user, a free TCP port and a unix socket.
Standard library only."""
import os
import re
import shutil
import signal
import socket
import ssl
import subprocess
import tempfile
import threading
import time

DOMAIN = "example.test"


class Reply:
    """One (possibly multi-line) reply: code 250, status "2.0.0" (or ""), lines without CRLF."""

    def __init__(self, lines):
        self.lines = lines
        last = lines[-1]
        self.code = int(last[:3]) if last[:3].isdigit() else 0
        match = re.match(r"\d{3}[ -](\d\.\d{1,3}\.\d{1,3})\b", last)
        self.status = match.group(1) if match else ""
        self.text = last[4:]

    def ok(self):
        return 200 <= self.code < 300

    def is_(self, code, status=None):
        return self.code == code and (status is None or self.status == status)

    def __repr__(self):
        return " | ".join(self.lines) if len(self.lines) < 4 else "%s | ... | %s (%d lines)" % (
            self.lines[0], self.lines[-1], len(self.lines))


class Closed(ConnectionError):
    pass


class LmtpClient:
    """An LMTP connection over TCP (port) or a unix socket (path)."""

    def __init__(self, port=None, path=None, host="127.0.0.1", timeout=60):
        if path is not None:
            self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            self.sock.settimeout(timeout)
            self.sock.connect(path)
        else:
            self.sock = socket.create_connection((host, port), timeout=timeout)
        self.buf = b""
        self.greeting = self.reply()

    # --- reading -------------------------------------------------------------------------
    def _line(self):
        while True:
            end = self.buf.find(b"\n")
            if end >= 0:
                line, self.buf = self.buf[:end], self.buf[end + 1:]
                return line.rstrip(b"\r").decode("utf-8", "replace")
            data = self.sock.recv(1 << 16)
            if not data:
                raise Closed("connection closed by the server (pending %r)" % self.buf[:200])
            self.buf += data

    def reply(self):
        """Reads one whole reply (continuation lines "250-...")."""
        lines = []
        while True:
            line = self._line()
            lines.append(line)
            if len(line) < 4 or line[3] != "-":
                return Reply(lines)

    def replies(self, n):
        return [self.reply() for _ in range(n)]

    def closed_by_server(self, wait=5):
        """True when the server has closed the connection (nothing more to read)."""
        self.sock.settimeout(wait)
        try:
            while True:
                data = self.sock.recv(1 << 16)
                if not data:
                    return True
                self.buf += data
        except socket.timeout:
            return False
        except OSError:
            return True

    # --- writing -------------------------------------------------------------------------
    def send(self, data):
        if isinstance(data, str):
            data = data.encode()
        self.sock.sendall(data)

    def command(self, line):
        self.send(line + "\r\n")
        return self.reply()

    def pipeline(self, lines):
        """Sends every command at once (RFC 2920) while reading the replies in a second
        direction, so neither side blocks on a full socket buffer; one reply per command."""
        payload = "".join(line + "\r\n" for line in lines).encode()
        errors = []

        def writer():
            try:
                self.sock.sendall(payload)
            except OSError as e:
                errors.append(e)

        thread = threading.Thread(target=writer, daemon=True)
        thread.start()
        try:
            return self.replies(len(lines))
        finally:
            thread.join(timeout=60)
            if errors:
                raise Closed("sending the pipelined commands failed: %r" % errors[0])

    # --- commands ------------------------------------------------------------------------
    def lhlo(self, name="client.example"):
        return self.command("LHLO " + name)

    @staticmethod
    def capabilities(lhlo_reply):
        """{"SIZE": "268435456", "PIPELINING": "", ...} from an LHLO reply (first line skipped)."""
        caps = {}
        for line in lhlo_reply.lines[1:]:
            keyword, _, arg = line[4:].partition(" ")
            caps[keyword.upper()] = arg
        return caps

    def mail(self, sender="sender@example.net", params=""):
        return self.command("MAIL FROM:<%s>%s" % (sender, " " + params if params else ""))

    def rcpt(self, address, params=""):
        return self.command("RCPT TO:<%s>%s" % (address, " " + params if params else ""))

    @staticmethod
    def dot_stuff(message):
        """CRLF-terminated DATA payload with the final dot (RFC 5321 4.5.2)."""
        if not message.endswith(b"\r\n"):
            message += b"\r\n"
        stuffed = re.sub(rb"(^|\r\n)\.", rb"\1..", message)
        return stuffed + b".\r\n"

    def data(self, message, accepted):
        """DATA: returns (354-reply, [one reply per accepted recipient])."""
        if isinstance(message, str):
            message = message.encode()
        go = self.command("DATA")
        if go.code != 354:
            return go, []
        self.send(self.dot_stuff(message))
        return go, self.replies(accepted)

    def bdat(self, chunk, accepted=1, last=False):
        """One BDAT chunk; a LAST chunk returns one reply per accepted recipient."""
        if isinstance(chunk, str):
            chunk = chunk.encode()
        self.send(b"BDAT %d%s\r\n" % (len(chunk), b" LAST" if last else b"") + chunk)
        return self.replies(accepted) if last else self.reply()

    def transaction(self, recipients, message, sender="sender@example.net", rcpt_params=None):
        """MAIL, RCPT each, DATA. Returns (mail reply, rcpt replies, data replies or [])."""
        mail = self.mail(sender)
        if not mail.ok():
            return mail, [], []
        rcpts = [self.rcpt(r, (rcpt_params or {}).get(r, "")) for r in recipients]
        accepted = sum(1 for r in rcpts if r.ok())
        if accepted == 0:
            self.command("RSET")
            return mail, rcpts, []
        go, replies = self.data(message, accepted)
        return mail, rcpts, replies if go.code == 354 else [go]

    def starttls(self):
        """STARTTLS (RFC 3207); on 220 the socket becomes TLS, certificate not verified."""
        answer = self.command("STARTTLS")
        if answer.code == 220:
            self.wrap_tls()
        return answer

    def wrap_tls(self):
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
        self.sock = ctx.wrap_socket(self.sock, server_hostname="localhost")
        self.buf = b""

    def quit(self):
        try:
            return self.command("QUIT")
        finally:
            self.close()

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_certificate(directory):
    """A self-signed certificate for localhost with the openssl CLI: (cert path, key path)."""
    cert, key = os.path.join(directory, "cert.pem"), os.path.join(directory, "key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=localhost", "-keyout", key, "-out", cert],
                   check=True, capture_output=True)
    return cert, key


class Roost:
    """A roost daemon in the foreground (roost -F -c conf) on a private configuration.

    users: names in the passwd-file (uid/gid = ours, home = DIR/home/NAME);
    scripts: {user: sieve text} installed as ~/sieve/main.sieve, active via ~/.dovecot.sieve;
    tls: ssl_cert/ssl_key from a fresh self-signed certificate (STARTTLS);
    extra: more configuration appended verbatim."""

    def __init__(self, binary, users=("alice", "bob", "carol"), scripts=None, tls=False,
                 extra="", start=True):
        self.binary = binary
        self.dir = tempfile.mkdtemp(prefix="roost-lmtp-")
        os.chmod(self.dir, 0o755)
        self.port = free_port()
        self.socket_path = os.path.join(self.dir, "run", "lmtp")
        self.proc = None
        self.stderr_path = os.path.join(self.dir, "stderr.log")
        uid, gid = os.getuid(), os.getgid()
        with open(os.path.join(self.dir, "passwd"), "w") as f:
            for user in users:
                os.makedirs(self.home(user))
                f.write("%s:{PLAIN}pw:%d:%d::%s::\n" % (user, uid, gid, self.home(user)))
        for user, script in (scripts or {}).items():
            os.makedirs(os.path.join(self.home(user), "sieve"), exist_ok=True)
            with open(os.path.join(self.home(user), "sieve", "main.sieve"), "w") as f:
                f.write(script)
            os.symlink("sieve/main.sieve", os.path.join(self.home(user), ".dovecot.sieve"))
        tls_lines = ""
        if tls:
            cert, key = make_certificate(self.dir)
            tls_lines = "ssl_cert = <%s\nssl_key = <%s\n" % (cert, key)
        self.conf = os.path.join(self.dir, "roost.conf")
        with open(self.conf, "w") as f:
            f.write(CONFIG.format(d=self.dir, port=self.port, tls=tls_lines, extra=extra))
        if start:
            self.start()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.cleanup()

    def home(self, user):
        return os.path.join(self.dir, "home", user)

    def maildir(self, user, folder=""):
        root = os.path.join(self.home(user), "Maildir")
        return os.path.join(root, "." + folder) if folder else root

    # --- process -------------------------------------------------------------------------
    def start(self, timeout=30):
        with open(self.stderr_path, "ab") as err:
            self.proc = subprocess.Popen([self.binary, "-F", "-c", self.conf],
                                         stdin=subprocess.DEVNULL, stdout=err, stderr=err)
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                if self.proc.poll() is not None:
                    raise RuntimeError("roost exited with %s:\n%s" % (self.proc.returncode,
                                                                      self.log()))
                time.sleep(0.05)
        raise RuntimeError("roost did not accept on port %d within %d s:\n%s" %
                           (self.port, timeout, self.log()))

    @property
    def pid(self):
        return self.proc.pid if self.proc else None

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def stop(self, timeout=40):
        """SIGTERM, then SIGKILL if it has not stopped within timeout; returns the exit code."""
        if self.alive():
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.kill()
        return self.proc.returncode if self.proc else None

    def kill(self):
        if self.alive():
            os.kill(self.proc.pid, signal.SIGKILL)
            self.proc.wait()

    def log(self):
        text = ""
        for path in (os.path.join(self.dir, "roost.log"), self.stderr_path):
            try:
                with open(path, errors="replace") as f:
                    text += f.read()
            except OSError:
                pass
        return text

    def cleanup(self):
        self.stop()
        if os.environ.get("KEEP") == "1":
            print("kept", self.dir)
        else:
            shutil.rmtree(self.dir, ignore_errors=True)

    # --- clients and mailboxes -----------------------------------------------------------
    def connect(self, unix=False, timeout=60):
        if unix:
            return LmtpClient(path=self.socket_path, timeout=timeout)
        return LmtpClient(port=self.port, timeout=timeout)

    def message_files(self, user, folder=""):
        """Paths of the messages in new/ and cur/ of a folder ("" = INBOX)."""
        paths = []
        for sub in ("new", "cur"):
            directory = os.path.join(self.maildir(user, folder), sub)
            if os.path.isdir(directory):
                paths += [os.path.join(directory, n) for n in sorted(os.listdir(directory))]
        return paths

    def messages(self, user, folder=""):
        result = []
        for path in self.message_files(user, folder):
            with open(path, "rb") as f:
                result.append(f.read())
        return result

    def find(self, user, needle, folder=""):
        """Messages of a folder containing the bytes needle."""
        return [m for m in self.messages(user, folder) if needle in m]

    def tmp_files(self, user):
        """Files in any tmp/ of the user's Maildir (all folders)."""
        left = []
        for root, _dirs, files in os.walk(self.maildir(user)):
            if os.path.basename(root) == "tmp":
                left += [os.path.join(root, f) for f in files]
        return left


CONFIG = """base_dir = {d}/run
protocols = lmtp
log_path = {d}/roost.log
mail_location = maildir:~/Maildir
auth_username_format = %Ln
recipient_delimiter = +
lmtp_save_to_detail_mailbox = yes
postmaster_address = postmaster@example.test
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
    port = {port}
  }}
  unix_listener lmtp {{
    mode = 0666
  }}
}}
protocol lmtp {{
  lda_mailbox_autocreate = yes
}}
plugin {{
  sieve = file:~/sieve;active=~/.dovecot.sieve
}}
{tls}{extra}
"""
