#!/usr/bin/env python3
"""Dovecot's auth client and auth-userdb protocols as `roost serve` speaks them, from a
client's side: the handshake, PLAIN, LOGIN, CRAM-MD5 and SCRAM-SHA-256 exchanges (the
client side written here from RFC 2195 / RFC 5802 with hashlib), disable_plaintext_auth
on an insecure connection, the per-IP penalty and failure delay, nologin with its reason,
protocol errors, and userdb lookups.

Usage: auth_protocol_test.py ROOST
"""
import base64
import hashlib
import hmac
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time

ROOST = os.path.realpath(sys.argv[1])


def fail(message):
    print("auth_protocol_test: FAIL: " + message, file=sys.stderr)
    sys.exit(1)


def check(condition, message):
    if not condition:
        fail(message)


class Client:
    def __init__(self, path):
        self.sock = socket.socket(socket.AF_UNIX)
        self.sock.settimeout(30)
        self.sock.connect(path)
        self.file = self.sock.makefile("rwb")

    def send(self, line):
        self.file.write(line.encode() + b"\n")
        self.file.flush()

    def line(self):
        try:
            data = self.file.readline()
        except ConnectionResetError:  # closed with our unread bytes still queued
            return None
        return data.decode().rstrip("\n") if data else None

    def handshake(self):
        self.send("VERSION\t1\t2")
        self.send("CPID\t%d" % os.getpid())
        lines = []
        while True:
            line = self.line()
            check(line is not None, "handshake cut short: %r" % lines)
            lines.append(line)
            if line == "DONE":
                return lines


def b64(data):
    return base64.b64encode(data).decode()


def plain(user, password):
    return b64(b"\0" + user.encode() + b"\0" + password.encode())


def scram_sha256(client, request_id, user, password, rip="127.0.0.1"):
    nonce = base64.b64encode(secrets.token_bytes(18)).decode()
    first_bare = "n=%s,r=%s" % (user, nonce)
    client.send("AUTH\t%d\tSCRAM-SHA-256\tservice=imap\trip=%s\tresp=%s" %
                (request_id, rip, b64(("n,," + first_bare).encode())))
    reply = client.line().split("\t")
    if reply[0] != "CONT":
        return reply
    server_first = base64.b64decode(reply[2]).decode()
    attrs = dict(item.split("=", 1) for item in server_first.split(","))
    check(attrs["r"].startswith(nonce), "server nonce does not extend ours: " + server_first)
    salted = hashlib.pbkdf2_hmac("sha256", password.encode(), base64.b64decode(attrs["s"]),
                                 int(attrs["i"]))
    client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
    stored_key = hashlib.sha256(client_key).digest()
    final_bare = "c=biws,r=" + attrs["r"]
    auth_message = ",".join([first_bare, server_first, final_bare]).encode()
    signature = hmac.new(stored_key, auth_message, hashlib.sha256).digest()
    proof = bytes(a ^ b for a, b in zip(client_key, signature))
    client.send("CONT\t%d\t%s" % (request_id, b64((final_bare + ",p=" + b64(proof)).encode())))
    reply = client.line().split("\t")
    if reply[0] == "OK":
        server_key = hmac.new(salted, b"Server Key", hashlib.sha256).digest()
        expected = "v=" + b64(hmac.new(server_key, auth_message, hashlib.sha256).digest())
        resp = [f[5:] for f in reply if f.startswith("resp=")]
        check(resp and base64.b64decode(resp[0]).decode() == expected,
              "server signature missing or wrong: %r" % reply)
    return reply


def main():
    tmp = tempfile.mkdtemp(prefix="roost-authproto-")
    hashed = subprocess.run([ROOST, "pw", "-s", "SHA512-CRYPT", "-p", "secret"],
                            check=True, capture_output=True, text=True).stdout.strip()
    with open(tmp + "/users", "w") as users:
        users.write("alice@example.com:%s:1000:1000::/home/alice::userdb_mail=maildir:~/M\n" % hashed)
        users.write("bob@example.com:{PLAIN}builder::::::nologin reason=Mailbox_moved\n")
        users.write("carol@example.com:{PLAIN}carol-pw:1001:1001::/home/carol\n")
    with open(tmp + "/dovecot.conf", "w") as conf:
        conf.write(f"""base_dir = {tmp}/run
auth_mechanisms = plain login cram-md5 scram-sha-256
auth_failure_delay = 1 secs
disable_plaintext_auth = yes
passdb {{
  driver = passwd-file
  args = {tmp}/users
}}
userdb {{
  driver = prefetch
}}
userdb {{
  driver = passwd-file
  args = {tmp}/users
}}
service auth {{
  unix_listener auth-client {{
    mode = 0600
  }}
  unix_listener auth-userdb {{
    mode = 0600
  }}
}}
""")
    log = open(tmp + "/roost.log", "w")
    server = subprocess.Popen([ROOST, "serve", "-c", tmp + "/dovecot.conf"], stderr=log)
    try:
        client_path, userdb_path = tmp + "/run/auth-client", tmp + "/run/auth-userdb"
        for _ in range(100):
            if os.path.exists(client_path) and os.path.exists(userdb_path):
                break
            time.sleep(0.05)
        check(os.path.exists(client_path), "no auth-client socket")
        run_checks(client_path, userdb_path)
    finally:
        server.send_signal(signal.SIGTERM)
        code = server.wait(timeout=10)
        log.close()
        if code != 0:
            fail("roost serve exited %d after SIGTERM" % code)
    text = open(tmp + "/roost.log").read()
    check("user=<carol@example.com> service=imap rip=127.0.0.1 mech=SCRAM-SHA-256: ok" in text,
          "no log line for the SCRAM login:\n" + text)
    subprocess.run(["rm", "-rf", tmp])
    print("auth_protocol_test: PASS")


def run_checks(client_path, userdb_path):
    c = Client(client_path)
    hello = c.handshake()
    check(hello[0] == "VERSION\t1\t2", "first line: %r" % hello[0])
    mechs = [l.split("\t")[1] for l in hello if l.startswith("MECH\t")]
    check(mechs == ["PLAIN", "LOGIN", "CRAM-MD5", "SCRAM-SHA-256"], "mechanisms: %r" % mechs)
    check(any(l.startswith("SPID\t") for l in hello) and any(l.startswith("CUID\t") for l in hello),
          "SPID/CUID missing: %r" % hello)

    # PLAIN from loopback (a local connection counts as secured).
    c.send("AUTH\t1\tPLAIN\tservice=imap\trip=127.0.0.1\tlip=127.0.0.1\tresp=" + plain("alice@example.com", "secret"))
    check(c.line() == "OK\t1\tuser=alice@example.com", "PLAIN login")

    # LOGIN, two steps.
    c.send("AUTH\t2\tLOGIN\tservice=imap\trip=127.0.0.1")
    check(c.line() == "CONT\t2\t" + b64(b"Username:"), "LOGIN first challenge")
    c.send("CONT\t2\t" + b64(b"carol@example.com"))
    check(c.line() == "CONT\t2\t" + b64(b"Password:"), "LOGIN second challenge")
    c.send("CONT\t2\t" + b64(b"carol-pw"))
    check(c.line() == "OK\t2\tuser=carol@example.com", "LOGIN login")

    # CRAM-MD5 against a {PLAIN} password (RFC 2195's client computation).
    c.send("AUTH\t3\tCRAM-MD5\tservice=imap\trip=127.0.0.1")
    reply = c.line().split("\t")
    check(reply[:2] == ["CONT", "3"], "CRAM-MD5 challenge: %r" % reply)
    challenge = base64.b64decode(reply[2])
    check(re.fullmatch(rb"<[^@>]+@[^>]+>", challenge) is not None, "challenge form: %r" % challenge)
    digest = hmac.new(b"carol-pw", challenge, hashlib.md5).hexdigest()
    c.send("CONT\t3\t" + b64(b"carol@example.com " + digest.encode()))
    check(c.line() == "OK\t3\tuser=carol@example.com", "CRAM-MD5 login")

    # CRAM-MD5 cannot use alice's SHA512-CRYPT hash: a failure, not a crash.
    c.send("AUTH\t4\tCRAM-MD5\tservice=imap\trip=127.0.0.1")
    challenge = base64.b64decode(c.line().split("\t")[2])
    c.send("CONT\t4\t" + b64(b"alice@example.com " + hmac.new(b"secret", challenge, hashlib.md5).hexdigest().encode()))
    check(c.line().startswith("FAIL\t4"), "CRAM-MD5 over a crypt hash must fail")

    # SCRAM-SHA-256 from a plaintext password; the server proves itself with v=.
    reply = scram_sha256(c, 5, "carol@example.com", "carol-pw")
    check(reply[:3] == ["OK", "5", "user=carol@example.com"], "SCRAM login: %r" % reply)
    reply = scram_sha256(c, 6, "carol@example.com", "wrong")
    check(reply[:2] == ["FAIL", "6"], "SCRAM wrong password: %r" % reply)

    # disable_plaintext_auth: PLAIN from a remote address without TLS is refused at once;
    # the same with the `secured` flag (TLS at the login service) is fine.
    c.send("AUTH\t7\tPLAIN\tservice=imap\trip=192.0.2.10\tlip=192.0.2.1\tresp=" + plain("alice@example.com", "secret"))
    reply = c.line()
    check(reply.startswith("FAIL\t7\treason=Plaintext authentication disallowed"), "plaintext on insecure: %r" % reply)
    c.send("AUTH\t8\tPLAIN\tservice=imap\trip=192.0.2.10\tlip=192.0.2.1\tsecured\tresp=" + plain("alice@example.com", "secret"))
    check(c.line() == "OK\t8\tuser=alice@example.com", "PLAIN with secured")

    # nologin: refused, and the passdb's reason is passed on (only with the right password).
    c.send("AUTH\t9\tPLAIN\tservice=imap\trip=127.0.0.1\tresp=" + plain("bob@example.com", "builder"))
    reply = c.line()
    check(reply.startswith("FAIL\t9") and "reason=Mailbox_moved" in reply, "nologin: %r" % reply)

    # A wrong password is answered after auth_failure_delay; the penalty for the address
    # then delays its next attempt (2 s after one failure), even with the right password.
    c.send("AUTH\t10\tPLAIN\tservice=imap\trip=203.0.113.5\tsecured\tresp=" + plain("alice@example.com", "nope"))
    start = time.monotonic()
    reply = c.line()
    took = time.monotonic() - start
    check(reply.startswith("FAIL\t10") and "temp" not in reply, "wrong password: %r" % reply)
    check(took >= 0.9, "the failure came after %.2f s, not auth_failure_delay" % took)
    c.send("AUTH\t11\tPLAIN\tservice=imap\trip=203.0.113.5\tsecured\tresp=" + plain("alice@example.com", "secret"))
    start = time.monotonic()
    reply = c.line()
    took = time.monotonic() - start
    check(reply == "OK\t11\tuser=alice@example.com", "after penalty: %r" % reply)
    check(took >= 1.9, "the penalized attempt was answered after %.2f s" % took)

    # Unknown mechanism: FAIL, connection still usable.
    c.send("AUTH\t12\tGSSAPI\tservice=imap\trip=127.0.0.1")
    check(c.line().startswith("FAIL\t12\treason=Unsupported"), "unknown mechanism")
    c.send("AUTH\t13\tPLAIN\tservice=imap\trip=127.0.0.1\tresp=!!!")
    check(c.line().startswith("FAIL\t13"), "bad base64")
    c.send("AUTH\t14\tPLAIN\tservice=imap\trip=127.0.0.1\tresp=" + plain("alice@example.com", "secret"))
    check(c.line() == "OK\t14\tuser=alice@example.com", "usable after FAILs")

    # Protocol errors end the connection (as Dovecot does), other connections unaffected.
    c.send("CONT\t99\tAAAA")
    check(c.line() is None, "CONT for no request must disconnect")
    d = Client(client_path)
    d.handshake()
    d.send("X" * 20000)
    check(d.line() is None, "an over-long line must disconnect")
    e = Client(client_path)
    e.send("AUTH\t1\tPLAIN\tservice=imap")
    check(e.line() == "VERSION\t1\t2", "handshake comes first")
    while e.line() not in ("DONE", None):
        pass
    check(e.line() is None, "AUTH before VERSION must disconnect")

    # auth-userdb: USER and PASS lookups, unknown users.
    u = Client(userdb_path)
    u.send("VERSION\t1\t0")
    check(u.line() == "VERSION\t1\t2", "userdb version")
    check(u.line().startswith("SPID\t"), "userdb SPID")
    u.send("USER\t1\talice@example.com\tservice=lda")
    check(u.line() == "USER\t1\talice@example.com\tuid=1000\tgid=1000\thome=/home/alice\tmail=maildir:~/M",
          "userdb USER")
    u.send("USER\t2\tnobody@example.com\tservice=lda")
    check(u.line() == "NOTFOUND\t2", "userdb unknown user")
    u.send("PASS\t3\tcarol@example.com\tservice=lda")
    reply = u.line()
    check(reply.startswith("PASS\t3\tuser=carol@example.com") and "password" not in reply,
          "userdb PASS must not reveal the password: %r" % reply)


if __name__ == "__main__":
    main()
