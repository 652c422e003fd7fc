#!/usr/bin/env python3
"""The ManageSieve clients users run, from Debian, against roost on loopback: sieve-connect
(plain with --clearchan, and STARTTLS trusting the test CA), python3-sievelib (plain and
STARTTLS; it imports only under /usr/bin/python3) and PHP's Net_Sieve from php-net-sieve (the
library Roundcube uses: STARTTLS, list, put, activate, get). Each uploads, lists, activates,
downloads and deletes, and sees a script with a syntax error refused; a mail delivered over
LMTP afterwards is filtered by the script Net_Sieve activated.
Usage: clients_test.py ROOST   (exit 77 when a client is not installed)"""
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lmtp"))
from lmtp_lib import Lmtp, Roost, data_text  # noqa: E402

failures = []


def check(name, condition, detail=""):
    print(("PASS " if condition else "FAIL ") + name + ("" if condition else ": " + str(detail)[-600:]))
    if not condition:
        failures.append(name)


GOOD = 'require ["fileinto"];\nif header :contains "subject" "[%s]" { fileinto "%s"; }\n'
BROKEN = 'require ["fileinto"];\nfileinto "x"\nkeep;\n'


def sieve_connect(roost, work, args, tls=False):
    read_fd, write_fd = os.pipe()
    os.write(write_fd, b"pw\n")
    os.close(write_fd)
    base = ["sieve-connect", "--4", "--port", str(roost.sieve_port), "--user", "alice",
            "--authmech", "PLAIN", "--passwordfd", str(read_fd)]
    base += (["--server", "localhost", "--tlscafile", roost.dir + "/cert.pem"] if tls
             else ["--server", "127.0.0.1", "--clearchan"])
    run = subprocess.run(base + args, cwd=work, capture_output=True, text=True, timeout=30,
                         pass_fds=(read_fd,))
    os.close(read_fd)
    return run


def test_sieve_connect(roost, tls):
    label = "sieve-connect" + (" (STARTTLS)" if tls else " (--clearchan)")
    work = tempfile.mkdtemp()
    try:
        name = "sc-tls" if tls else "sc"
        with open(work + "/good.sieve", "w") as f:
            f.write(GOOD % (name, name))
        with open(work + "/broken.sieve", "w") as f:
            f.write(BROKEN)
        up = sieve_connect(roost, work, ["--upload", "--localsieve", "good.sieve", "--remotesieve", name], tls)
        check(label + ": upload", up.returncode == 0, up.stderr + up.stdout)
        listed = sieve_connect(roost, work, ["--list"], tls)
        check(label + ": list", listed.returncode == 0 and name in listed.stdout, listed.stderr + listed.stdout)
        act = sieve_connect(roost, work, ["--activate", "--remotesieve", name], tls)
        check(label + ": activate", act.returncode == 0, act.stderr)
        listed = sieve_connect(roost, work, ["--list"], tls)
        check(label + ": list shows it active",
              any(name in l and "ACTIVE" in l.upper() or l.strip().endswith("<- active") for l in listed.stdout.splitlines()
                  if name in l), listed.stdout)
        down = sieve_connect(roost, work, ["--download", "--remotesieve", name, "--localsieve", "back.sieve"], tls)
        same = os.path.exists(work + "/back.sieve") and open(work + "/back.sieve").read() == GOOD % (name, name)
        check(label + ": download byte-exact", down.returncode == 0 and same, down.stderr)
        bad = sieve_connect(roost, work, ["--upload", "--localsieve", "broken.sieve", "--remotesieve", "broken"], tls)
        check(label + ": a syntax error is refused with its line", bad.returncode != 0 and "line 3" in (bad.stderr + bad.stdout),
              bad.stderr + bad.stdout)
        sieve_connect(roost, work, ["--deactivate"], tls)
        rm = sieve_connect(roost, work, ["--delete", "--remotesieve", name], tls)
        listed = sieve_connect(roost, work, ["--list"], tls)
        check(label + ": delete", rm.returncode == 0 and name not in listed.stdout, rm.stderr + listed.stdout)
    finally:
        shutil.rmtree(work, ignore_errors=True)


SIEVELIB = r'''
import sys
from sievelib.managesieve import Client
port, starttls, good, broken = int(sys.argv[1]), sys.argv[2] == "1", sys.argv[3], sys.argv[4]
c = Client("127.0.0.1", port)
assert c.connect("alice", "pw", starttls=starttls, authmech="PLAIN"), "connect/login failed"
assert "fileinto" in c.get_sieve_capabilities(), c.get_sieve_capabilities()
assert c.putscript("sl", good), "putscript failed"
assert not c.putscript("slbroken", broken), "a broken script was accepted"
print("error:", c.errmsg)
assert c.setactive("sl"), "setactive failed"
active, others = c.listscripts()
assert active == "sl", (active, others)
# sievelib hands the script back with its own line ends and without the last one.
assert c.getscript("sl").replace("\r\n", "\n").strip() == good.replace("\r\n", "\n").strip(), repr(c.getscript("sl"))
assert c.setactive(""), "deactivate failed"
assert c.deletescript("sl"), "deletescript failed"
active, others = c.listscripts()
assert "sl" not in others and active is None, (active, others)
c.logout()
print("sievelib ok")
'''


def test_sievelib(roost, tls):
    label = "python3-sievelib" + (" (STARTTLS)" if tls else "")
    run = subprocess.run(["/usr/bin/python3", "-c", SIEVELIB, str(roost.sieve_port), "1" if tls else "0",
                          GOOD.replace("\n", "\r\n") % ("sl", "sl"), BROKEN.replace("\n", "\r\n")],
                         capture_output=True, text=True, timeout=60)
    check(label + ": connect, put, broken refused, activate, list, get, delete",
          run.returncode == 0 and "sievelib ok" in run.stdout, run.stdout + run.stderr)
    check(label + ": the refusal names the line", "line 2" in run.stdout or "line 3" in run.stdout, run.stdout)


NET_SIEVE = r'''<?php
require_once 'Net/Sieve.php';
$port = (int)$argv[1];
$script = file_get_contents($argv[2]);
$broken = file_get_contents($argv[3]);
$sieve = new Net_Sieve();
$options = array('ssl' => array('verify_peer' => false, 'verify_peer_name' => false,
                                'allow_self_signed' => true));
$r = $sieve->connect('127.0.0.1', $port, $options, true);
if (is_a($r, 'PEAR_Error')) { echo "connect: ", $r->getMessage(), "\n"; exit(1); }
$r = $sieve->login('alice', 'pw', 'PLAIN', '', false);
if (is_a($r, 'PEAR_Error')) { echo "login: ", $r->getMessage(), "\n"; exit(1); }
if (!$sieve->hasExtension('fileinto')) { echo "no fileinto in the extensions\n"; exit(1); }
$r = $sieve->installScript('roundcube', $script, true);
if (is_a($r, 'PEAR_Error')) { echo "installScript: ", $r->getMessage(), "\n"; exit(1); }
$r = $sieve->installScript('roundcube-broken', $broken, false);
if (!is_a($r, 'PEAR_Error')) { echo "a broken script was accepted\n"; exit(1); }
echo "refused: ", $r->getMessage(), "\n";
$list = $sieve->listScripts();
if (is_a($list, 'PEAR_Error') || !in_array('roundcube', $list)) { echo "listScripts\n"; exit(1); }
if ($sieve->getActive() !== 'roundcube') { echo "getActive: ", var_export($sieve->getActive(), true), "\n"; exit(1); }
$got = $sieve->getScript('roundcube');
// Net_Sieve drops the CRLF that ends the literal's last line.
if (rtrim($got) !== rtrim($script)) { echo "getScript differs: ", var_export($got, true), "\n"; exit(1); }
$sieve->disconnect();
echo "net_sieve ok\n";
'''


def test_net_sieve(roost):
    work = tempfile.mkdtemp()
    try:
        with open(work + "/t.php", "w") as f:
            f.write(NET_SIEVE)
        with open(work + "/good.sieve", "w") as f:
            f.write((GOOD % ("roundcube", "Roundcube")).replace("\n", "\r\n"))
        with open(work + "/broken.sieve", "w") as f:
            f.write(BROKEN.replace("\n", "\r\n"))
        run = subprocess.run(["php", work + "/t.php", str(roost.sieve_port), work + "/good.sieve",
                              work + "/broken.sieve"], capture_output=True, text=True, timeout=60)
        check("Net_Sieve (Roundcube): STARTTLS, login, put+activate, broken refused, list, get",
              run.returncode == 0 and "net_sieve ok" in run.stdout, run.stdout + run.stderr)
        check("Net_Sieve: the refusal names the line", "line 3" in run.stdout, run.stdout)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    missing = [tool for tool in ("sieve-connect", "php", "openssl") if shutil.which(tool) is None]
    if not os.path.exists("/usr/share/php/Net/Sieve.php"):
        missing.append("php-net-sieve")
    if subprocess.run(["/usr/bin/python3", "-c", "import sievelib"], capture_output=True).returncode:
        missing.append("python3-sievelib")
    if missing:
        print("SKIP: not installed (scripts/install-deps): " + " ".join(missing))
        return 77
    # Without TLS configured (no STARTTLS offered): the plain way, sieve-connect --clearchan.
    plain = Roost(sys.argv[1], users=("alice",), managesieve=True, extra="auth_failure_delay = 0\n")
    plain.start()
    try:
        test_sieve_connect(plain, False)
        test_sievelib(plain, False)
        check("the plain daemon still runs", plain.alive())
    finally:
        plain.cleanup()
    # With a test certificate: STARTTLS for every client.
    roost = Roost(sys.argv[1], users=("alice",), managesieve=True, extra="auth_failure_delay = 0\n")
    roost.add_test_certificate()
    roost.start()
    try:
        test_sieve_connect(roost, True)
        test_sievelib(roost, True)
        test_net_sieve(roost)
        m = Lmtp(roost.port)
        m.cmd("LHLO x")
        m.send("MAIL FROM:<s@x>\r\nRCPT TO:<alice@example.test>\r\nDATA\r\n")
        codes = [m.code() for _ in range(3)]
        m.send(data_text("[roundcube] hello") + ".\r\n")
        check("LMTP delivery after the Net_Sieve upload", codes == ["250", "250", "354"] and m.code() == "250")
        check("... filed by the Roundcube script into Roundcube",
              len(roost.messages("alice", "Roundcube")) == 1)
        check("the daemon still runs", roost.alive())
    finally:
        roost.cleanup()
    print("%d failed" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
