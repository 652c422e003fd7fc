#!/usr/bin/env python3
"""ManageSieve protocol table against a real roost daemon (RFC 5804): every command with good
and bad arguments, commands before authentication, over-long lines, literals over the limit,
a client that leaves in the middle of a literal, quotas, STARTTLS with the capabilities sent
again; each answer checked and the server still serving. Then a mail delivered over LMTP is
filtered by the script uploaded here.
Usage: managesieve_protocol_test.py ROOST"""
import base64
import os
import pwd
import socket
import ssl
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lmtp"))
from lmtp_lib import Lmtp, Roost, data_text  # noqa: E402

failures = []


def check(name, condition, detail=""):
    print(("PASS " if condition else "FAIL ") + name + ("" if condition else ": " + str(detail)))
    if not condition:
        failures.append(name)


class Client:
    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=15)
        self.buf = b""
        self.greeting = self.response()

    def _line(self):
        while b"\r\n" not in self.buf:
            data = self.sock.recv(65536)
            if not data:
                raise ConnectionError("closed")
            self.buf += data
        line, self.buf = self.buf.split(b"\r\n", 1)
        return line

    def _exact(self, n):
        while len(self.buf) < n:
            data = self.sock.recv(65536)
            if not data:
                raise ConnectionError("closed")
            self.buf += data
        data, self.buf = self.buf[:n], self.buf[n:]
        return data

    def response(self):
        """Lines up to and including the status line; a literal's data is one item."""
        lines = []
        while True:
            line = self._line().decode("utf-8", "replace")
            if line.endswith("}") and "{" in line and not line.startswith(("OK", "NO", "BYE")):
                n = int(line[line.rindex("{") + 1:-1].rstrip("+"))
                lines.append(self._exact(n).decode("utf-8", "replace"))
                continue
            if line.startswith(("OK", "NO", "BYE")) and line.endswith("}") and "{" in line:
                n = int(line[line.rindex("{") + 1:-1])
                line = line[:line.rindex("{")] + '"' + self._exact(n).decode() + '"'
                self._line()
            lines.append(line)
            if line.startswith(("OK", "NO", "BYE")):
                return lines

    def send(self, data):
        self.sock.sendall(data.encode() if isinstance(data, str) else data)

    def cmd(self, text):
        self.send(text + "\r\n")
        return self.response()

    def status(self, text):
        return self.cmd(text)[-1]

    def starttls(self):
        ctx = ssl.create_default_context()
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
        self.sock = ctx.wrap_socket(self.sock)
        self.buf = b""


def literal(text):
    return "{%d+}\r\n%s" % (len(text.encode()), text)


def login(c, user="alice", password="pw"):
    token = base64.b64encode(b"\0" + user.encode() + b"\0" + password.encode()).decode()
    return c.status('AUTHENTICATE "PLAIN" "%s"' % token)


def main():
    roost = Roost(sys.argv[1], users=("alice", "bob"), managesieve=True,
                  extra="auth_failure_delay = 0\nmail_max_userip_connections = 2\n"
                        "plugin {\n  sieve_quota_max_scripts = 3\n"
                        "  sieve_max_script_size = 2000\n}\n")
    roost.add_test_certificate()
    roost.start()
    try:
        run(roost)
        check("the daemon still runs", roost.alive())
    finally:
        roost.cleanup()
    ssl_required(sys.argv[1])
    if os.geteuid() == 0:
        as_the_user(sys.argv[1])
        outside_valid_range(sys.argv[1])
    else:
        print("SKIP as_the_user: needs root (a daemon switching to the user)")
    print("%d failed" % len(failures))
    return 1 if failures else 0


def as_the_user(binary):
    """A root daemon stores a user's scripts as that user (the userdb uid/gid): ~/sieve, the
    scripts and the active link belong to the user, so the user's own tools (and Dovecot)
    can change them, and root writes nothing on the user's behalf."""
    name = "roostsieve1"
    subprocess.run(["userdel", name], stderr=subprocess.DEVNULL)
    subprocess.run(["useradd", "-M", "-d", "/nonexistent", "-s", "/usr/sbin/nologin", name], check=True)
    roost = Roost(binary, users=(), managesieve=True, extra="auth_failure_delay = 0\n")
    try:
        entry = pwd.getpwnam(name)
        home = roost.home("sys")
        os.makedirs(home)
        os.chown(home, entry.pw_uid, entry.pw_gid)
        os.chmod(home, 0o700)
        with open(os.path.join(roost.dir, "passwd"), "a") as f:
            f.write("sys:{PLAIN}pw:%d:%d::%s::\n" % (entry.pw_uid, entry.pw_gid, home))
        roost.start()
        c = Client(roost.sieve_port)
        check("system user: login", login(c, "sys").startswith("OK"))
        check("system user: PUTSCRIPT", c.status('PUTSCRIPT "mine" ' + literal("keep;\r\n")).startswith("OK"))
        check("system user: SETACTIVE", c.status('SETACTIVE "mine"').startswith("OK"))
        owners = {p: os.lstat(os.path.join(home, p)).st_uid
                  for p in ("sieve", "sieve/mine.sieve", ".dovecot.sieve")}
        check("system user: ~/sieve, the script and the active link are the user's",
              all(uid == entry.pw_uid for uid in owners.values()), owners)
        c.status("LOGOUT")
    finally:
        roost.cleanup()
        subprocess.run(["userdel", name], stderr=subprocess.DEVNULL)


def outside_valid_range(binary):
    """first_valid_uid (500) as Dovecot has it: a user whose uid is root's is neither
    delivered to nor let in to manage scripts; both say so in the log and fail temporarily."""
    roost = Roost(binary, users=("alice",), managesieve=True, own_ids_valid=False,
                  extra="auth_failure_delay = 0\n")
    try:
        roost.start()
        lmtp = Lmtp(roost.port)
        lmtp.cmd("LHLO x")
        lmtp.cmd("MAIL FROM:<s@example.net>")
        rcpt = lmtp.cmd("RCPT TO:<alice@example.test>")[-1]
        check("uid 0 below first_valid_uid: RCPT 451 4.3.0", rcpt.startswith("451 4.3.0"), rcpt)
        lmtp.close()
        c = Client(roost.sieve_port)
        refused = login(c, "alice")
        check("uid 0 below first_valid_uid: ManageSieve login NO (TRYLATER)",
              refused.startswith("NO (TRYLATER)"), refused)
        check("... logged with the setting to look at",
              "Mail access for users with UID 0 not permitted, see first_valid_uid" in roost.log(),
              roost.log()[-400:])
        check("... nothing written in the user's home", not os.listdir(roost.home("alice")),
              os.listdir(roost.home("alice")))
    finally:
        roost.cleanup()


def ssl_required(binary):
    """ssl = required: no plaintext login before STARTTLS, even from loopback, and no empty
    SASL capability (Net_Sieve breaks on one); after STARTTLS PLAIN is offered and works."""
    roost = Roost(binary, users=("alice",), managesieve=True,
                  extra="auth_failure_delay = 0\nssl = required\n")
    roost.add_test_certificate()
    roost.start()
    try:
        c = Client(roost.sieve_port)
        check("ssl = required: no SASL line before STARTTLS (not an empty one)",
              not any(l.startswith('"SASL"') for l in c.greeting) and '"STARTTLS"' in c.greeting,
              c.greeting)
        check("ssl = required: PLAIN refused before STARTTLS", login(c).startswith("NO"))
        c.status("STARTTLS")
        c.starttls()
        caps = c.response()
        check("ssl = required: PLAIN offered after STARTTLS", '"SASL" "PLAIN"' in caps, caps)
        check("ssl = required: login over TLS", login(c).startswith("OK"))
    finally:
        roost.cleanup()


def run(roost):
    port = roost.sieve_port
    c = Client(port)
    caps = c.greeting
    check("greeting: capabilities then OK", caps[-1].startswith("OK"), caps)
    for cap in ('"IMPLEMENTATION"', '"SIEVE"', '"NOTIFY" "mailto"', '"SASL"', '"STARTTLS"',
                '"VERSION" "1.0"', '"MAXREDIRECTS"', '"LANGUAGE" "en"'):
        check("capability " + cap, any(l.startswith(cap) for l in caps), caps)
    sieve = [l for l in caps if l.startswith('"SIEVE"')][0]
    for ext in ("fileinto", "vacation", "variables", "relational", "body", "date", "duplicate"):
        check("SIEVE lists " + ext, " %s " % ext in sieve.replace('"', " "), sieve)
    check("no OWNER before login", not any(l.startswith('"OWNER"') for l in caps))

    for command in ('LISTSCRIPTS', 'GETSCRIPT "x"', 'PUTSCRIPT "x" "keep;"', 'SETACTIVE "x"',
                    'DELETESCRIPT "x"', 'RENAMESCRIPT "x" "y"', 'HAVESPACE "x" 10',
                    'CHECKSCRIPT "keep;"'):
        check("before login: " + command.split()[0] + " NO", c.status(command).startswith("NO"))
    check("unknown command NO", c.status("FROB").startswith("NO"))
    check("CAPABILITY with arguments NO", c.status('CAPABILITY "x"').startswith("NO"))
    check("wrong password NO", login(c, "alice", "wrong").startswith("NO"))
    check("unknown mechanism NO", c.status('AUTHENTICATE "X-NONE"').startswith("NO"))
    check("bad base64 NO", c.status('AUTHENTICATE "PLAIN" "***"').startswith("NO"))
    c.status("LOGOUT")
    c.sock.close()
    c = Client(port)

    # STARTTLS, then the capabilities again (RFC 5804 §2.2).
    check("STARTTLS OK", c.status("STARTTLS").startswith("OK"))
    c.starttls()
    again = c.response()
    check("capabilities re-sent after STARTTLS", again[-1].startswith("OK") and
          any(l.startswith('"SIEVE"') for l in again) and not any(l == '"STARTTLS"' for l in again), again)
    check("STARTTLS twice NO", c.status("STARTTLS").startswith("NO"))

    # A command pipelined in the clear behind STARTTLS is dropped, not run inside TLS.
    injected = Client(port)
    injected.send('STARTTLS\r\nNOOP "injected"\r\n')
    check("STARTTLS with a command behind it: OK", injected.response()[-1].startswith("OK"))
    injected.starttls()
    injected.response()  # the capabilities again
    after = injected.status('NOOP "after"')
    check("the command pipelined in the clear is not run after STARTTLS", '"after"' in after, after)
    injected.sock.close()

    # AUTHENTICATE without an initial response: an empty challenge, then the response.
    c.send('AUTHENTICATE "PLAIN"\r\n')
    challenge = c._line().decode()
    c.send('"%s"\r\n' % base64.b64encode(b"\0alice\0pw").decode())
    check("AUTHENTICATE with a challenge round", challenge == '""' and c.response()[-1].startswith("OK"),
          challenge)
    check("OWNER after login", any(l == '"OWNER" "alice"' for l in c.cmd("CAPABILITY")))
    check("AUTHENTICATE twice NO", login(c).startswith("NO"))

    script = 'require ["fileinto"];\r\nif header :contains "subject" "[roost]" {\r\n  fileinto "Roost";\r\n}\r\n'
    check("PUTSCRIPT with {n+}", c.status('PUTSCRIPT "rules" ' + literal(script)).startswith("OK"))
    c.send('PUTSCRIPT "sync" {7}\r\nkeep;\r\n\r\n')
    check("PUTSCRIPT with a synchronizing {n}", c.response()[-1].startswith("OK"))
    bad = c.cmd('PUTSCRIPT "broken" ' + literal('require "fileinto";\r\nfrob "x";\r\n'))[-1]
    # Pigeonhole's layout: one message a line, CRLF-ended, full stops, the script's name in
    # front for PUTSCRIPT and none for CHECKSCRIPT.
    frob = "error: unknown command 'frob' (only reported once at first occurrence).\r\n"
    check("PUTSCRIPT of a broken script: NO with the lines, as Pigeonhole writes them",
          bad == 'NO "broken: line 2: %sbroken: error: validation failed.\r\n"' % frob, repr(bad))
    check("CHECKSCRIPT good OK", c.status('CHECKSCRIPT "keep;"').startswith("OK"))
    checked = c.status('CHECKSCRIPT "frob;"')
    check("CHECKSCRIPT bad NO, no name in front",
          checked == 'NO "line 1: %serror: validation failed.\r\n"' % frob, repr(checked))
    listing = c.cmd("LISTSCRIPTS")
    check("LISTSCRIPTS shows both, none active", '"rules"' in listing and '"sync"' in listing and
          not any("ACTIVE" in l for l in listing[:-1]), listing)
    check("SETACTIVE OK", c.status('SETACTIVE "rules"').startswith("OK"))
    check("LISTSCRIPTS marks it ACTIVE", '"rules" ACTIVE' in c.cmd("LISTSCRIPTS"))
    check("SETACTIVE of a missing script NO (NONEXISTENT)",
          c.status('SETACTIVE "nope"').startswith("NO (NONEXISTENT)"))
    got = c.cmd('GETSCRIPT "rules"')
    check("GETSCRIPT byte-exact", got[0] == script and got[-1].startswith("OK"), got)
    missing = c.status('GETSCRIPT "nope"')
    check("GETSCRIPT missing NO (NONEXISTENT), Pigeonhole's text",
          missing == 'NO (NONEXISTENT) "Sieve script `nope\' not found"', missing)
    check("HAVESPACE small OK", c.status('HAVESPACE "new" 100').startswith("OK"))
    check("HAVESPACE too big NO (QUOTA/MAXSIZE)",
          c.status('HAVESPACE "new" 999999').startswith("NO (QUOTA/MAXSIZE)"))
    check("HAVESPACE with a string size NO", c.status('HAVESPACE "new" "100"').startswith("NO"))
    check("RENAMESCRIPT onto an existing one NO (ALREADYEXISTS)",
          c.status('RENAMESCRIPT "sync" "rules"').startswith("NO (ALREADYEXISTS)"))
    check("RENAMESCRIPT missing NO (NONEXISTENT)",
          c.status('RENAMESCRIPT "nope" "x"').startswith("NO (NONEXISTENT)"))
    check("RENAMESCRIPT OK", c.status('RENAMESCRIPT "sync" "other"').startswith("OK"))
    check("DELETESCRIPT of the active one NO (ACTIVE)",
          c.status('DELETESCRIPT "rules"').startswith("NO (ACTIVE)"))
    check("DELETESCRIPT missing NO (NONEXISTENT)",
          c.status('DELETESCRIPT "nope"').startswith("NO (NONEXISTENT)"))
    check("PUTSCRIPT third script OK", c.status('PUTSCRIPT "third" "keep;"').startswith("OK"))
    check("a fourth script passes sieve_quota_max_scripts: NO (QUOTA/MAXSCRIPTS)",
          c.status('PUTSCRIPT "fourth" "keep;"').startswith("NO (QUOTA/MAXSCRIPTS)"))
    check("DELETESCRIPT OK", c.status('DELETESCRIPT "third"').startswith("OK"))
    check("NOOP with a tag", c.status('NOOP "t1"') == 'OK (TAG "t1") "NOOP completed."')
    check("bad script name NO", c.status('PUTSCRIPT "a/b" "keep;"').startswith("NO"))
    check("unterminated quote NO", c.status('GETSCRIPT "rules').startswith("NO"))

    check("LOGOUT OK", c.status("LOGOUT").startswith("OK"))
    c.sock.close()

    # Limits: an over-long line and an over-large literal, each answered, the connection usable.
    c = Client(port)
    login(c)
    check("line over managesieve_max_line_length NO", c.status("NOOP " + "x" * 70000).startswith("NO"))
    big = "#" * 3000 + "\r\nkeep;\r\n"
    check("literal over sieve_max_script_size NO (QUOTA/MAXSIZE)",
          c.status('PUTSCRIPT "big" ' + literal(big)).startswith("NO (QUOTA/MAXSIZE)"))
    check("... and the connection still works", c.status("NOOP").startswith("OK"))
    check("UNAUTHENTICATE OK", c.status("UNAUTHENTICATE").startswith("OK"))
    check("after UNAUTHENTICATE script commands NO", c.status("LISTSCRIPTS").startswith("NO"))
    bye = None
    for _ in range(25):
        reply = c.status("FROB")
        if reply.startswith("BYE"):
            bye = reply
            break
    check("20 invalid commands: BYE and the connection closed", bye is not None, bye)
    c.sock.close()

    # mail_max_userip_connections = 2: a third session of alice from this IP is refused.
    first, second, third = Client(port), Client(port), Client(port)
    check("two sessions of one user log in", login(first).startswith("OK") and login(second).startswith("OK"))
    check("the third gets NO (TRYLATER)", login(third).startswith("NO (TRYLATER)"))
    first.status("LOGOUT")
    first.sock.close()
    time.sleep(0.2)
    check("... and logs in once another left", login(third).startswith("OK"))
    for client in (second, third):
        client.status("LOGOUT")
        client.sock.close()

    # A client that leaves in the middle of a literal: nothing stored, the server serves on.
    d = Client(port)
    login(d)
    d.send('PUTSCRIPT "half" {100+}\r\nkeep;')
    d.sock.close()
    time.sleep(0.3)
    e = Client(port)
    check("after a client left mid-literal the server answers", login(e).startswith("OK"))
    check("... and the half script is not stored", '"half"' not in e.cmd("LISTSCRIPTS"))
    e.status("LOGOUT")

    # The uploaded, active script filters a mail delivered over LMTP.
    m = Lmtp(roost.port)
    m.cmd("LHLO x")
    m.send("MAIL FROM:<s@x>\r\nRCPT TO:<alice@example.test>\r\nDATA\r\n")
    codes = [m.code() for _ in range(3)]
    m.send(data_text("[roost] release") + ".\r\n")
    check("LMTP delivery accepted", codes == ["250", "250", "354"] and m.code() == "250")
    check("the uploaded script filed it into Roost", len(roost.messages("alice", "Roost")) == 1)


if __name__ == "__main__":
    sys.exit(main())
