#!/usr/bin/env python3
"""LMTP protocol table against a real roost daemon (RFC 2033, 5321, 3030, 3207, 2920):
capabilities, sequence errors that leave the connection usable, one reply per recipient
(delivered, rejected by Sieve, temporary failure), detail mailboxes, BDAT, STARTTLS, and the
bad input of issue 7 (no header, bare LF, NUL bytes, 50 MiB, over SIZE, 10,000 recipients,
a 100 KiB command line, a client leaving mid-DATA), each with what lands on disk.
Usage: lmtp_protocol_test.py ROOST"""
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lmtp_lib import Lmtp, Roost, data_text  # noqa: E402

failures = []


def check(name, condition, detail=""):
    print(("PASS " if condition else "FAIL ") + name + ("" if condition else ": " + detail))
    if not condition:
        failures.append(name)


def transaction(c, rcpts, text, sender="<sender@example.net>"):
    """MAIL, RCPTs, DATA; returns (rcpt codes, list of per-recipient reply lines)."""
    check_codes = []
    c.send("MAIL FROM:%s\r\n" % sender)
    mail = c.code()
    if mail != "250":
        return [mail], []
    for r in rcpts:
        c.send("RCPT TO:<%s>\r\n" % r)
        check_codes.append(c.code())
    accepted = check_codes.count("250")
    c.send("DATA\r\n")
    data = c.reply()[-1]
    if not data.startswith("354"):
        return check_codes, [data]
    c.send(text.replace("\r\n.", "\r\n..") + ".\r\n")
    return check_codes, [c.reply()[-1] for _ in range(accepted)]


def main():
    binary = sys.argv[1]
    roost = Roost(binary, users=("alice", "bob", "carol"), scripts={
        "bob": 'require "reject";\nreject "no thanks";\n',
        "alice": 'require "fileinto";\nif header :contains "subject" "[list]" { fileinto "Lists"; }\n',
    })
    roost.add_test_certificate()
    # carol's Maildir cannot be made: a file stands where it would go.
    with open(os.path.join(roost.home("carol"), "Maildir"), "w") as f:
        f.write("not a directory\n")
    roost.start()
    try:
        run_cases(roost)
    finally:
        alive = roost.alive()
        roost.cleanup()
    check("the daemon is still running after every case", alive)
    quota_cases(binary)
    print("%d failed" % len(failures))
    return 1 if failures else 0


def run_cases(roost):
    port = roost.port
    c = Lmtp(port)
    check("greeting 220", c.greeting[-1].startswith("220"), str(c.greeting))
    lhlo = c.cmd("LHLO client.example")
    caps = {line[4:].split(" ")[0] for line in lhlo}
    for cap in ("PIPELINING", "ENHANCEDSTATUSCODES", "8BITMIME", "SMTPUTF8", "CHUNKING", "SIZE",
                "STARTTLS"):
        check("LHLO advertises " + cap, cap in caps, str(lhlo))
    c.close()

    # Sequence errors, each answered and the connection still usable.
    c = Lmtp(port)
    check("MAIL before LHLO 503", c.cmd("MAIL FROM:<a@b>")[-1].startswith("503 5.5.1"))
    check("EHLO is not LMTP: 500", c.cmd("EHLO x")[-1].startswith("500"))
    c.cmd("LHLO x")
    check("RCPT before MAIL 503", c.cmd("RCPT TO:<alice@x>")[-1].startswith("503 5.5.1"))
    check("DATA before MAIL 503", c.cmd("DATA")[-1].startswith("503 5.5.1"))
    check("unknown command 500 5.5.2", c.cmd("FROB")[-1].startswith("500 5.5.2"))
    check("MAIL without brackets 501", c.cmd("MAIL FROM:a@b")[-1].startswith("501"))
    check("MAIL with an unknown parameter 555", c.cmd("MAIL FROM:<a@b> FOO=1")[-1].startswith("555"))
    check("MAIL ok", c.cmd("MAIL FROM:<a@b> BODY=8BITMIME SMTPUTF8")[-1].startswith("250 2.1.0"))
    check("second MAIL 503", c.cmd("MAIL FROM:<a@b>")[-1].startswith("503"))
    check("DATA without recipients 554", c.cmd("DATA")[-1].startswith("554"))
    check("RSET 250", c.cmd("RSET")[-1].startswith("250"))
    check("NOOP 250", c.cmd("NOOP")[-1].startswith("250"))
    rc, replies = transaction(c, ["alice@example.test"], data_text("after errors"))
    check("a delivery after the errors succeeds", replies == [r for r in replies if r.startswith("250 2.0.0")] and len(replies) == 1, str(replies))
    check("QUIT 221", c.cmd("QUIT")[-1].startswith("221"))
    c.close()

    # One reply per recipient, in RCPT order: delivered, Sieve reject, temporary failure.
    c = Lmtp(port)
    c.cmd("LHLO x")
    codes, replies = transaction(c, ["alice@example.test", "nobody@example.test", "bob@example.test",
                                     "carol@example.test"],
                                 data_text("per recipient", headers="Message-ID: <per-rcpt@x>\r\n"))
    check("unknown user 550 5.1.1 at RCPT", codes[1] == "550", str(codes))
    check("three replies after DATA", len(replies) == 3, str(replies))
    if len(replies) == 3:
        check("alice 250 2.0.0", replies[0].startswith("250 2.0.0 <alice@example.test>"), replies[0])
        check("bob (Sieve reject) 550 5.7.1", replies[1].startswith("550 5.7.1 <bob@example.test>"), replies[1])
        check("carol (Maildir unusable) 451 4.3.0", replies[2].startswith("451 4.3.0 <carol@example.test>"), replies[2])
    alice = [m for m in roost.messages("alice") if b"Subject: per recipient" in m]
    check("alice's copy on disk", len(alice) == 1)
    if alice:
        head = alice[0].split(b"\n\n")[0]
        check("Return-Path added", head.startswith(b"Return-Path: <sender@example.net>\n"), head[:80].decode())
        check("Delivered-To added", b"\nDelivered-To: alice@example.test\n" in head)
        check("Received added with LMTP", b"with LMTP" in head and b"for <alice@example.test>" in head)
        check("LF line ends on disk", b"\r\n" not in alice[0])
    check("bob has nothing", roost.messages("bob") == [])
    c.cmd("QUIT")
    c.close()

    # Detail mailbox and ORCPT; the Sieve script's own folder.
    c = Lmtp(port)
    c.cmd("LHLO x")
    c.send("MAIL FROM:<>\r\nRCPT TO:<alice+work@example.test> ORCPT=rfc822;boss+2Balias@example.org\r\nDATA\r\n")
    ok = [c.code() for _ in range(3)]
    c.send(data_text("to the detail") + ".\r\n")
    check("detail recipient accepted and delivered", ok == ["250", "250", "354"] and c.code() == "250", str(ok))
    work = roost.messages("alice", "work")
    check("lmtp_save_to_detail_mailbox stored into .work", len(work) == 1)
    if work:
        check("null sender kept as <>", work[0].startswith(b"Return-Path: <>\n"))
    codes, replies = transaction(c, ["alice@example.test"], data_text("[list] news"))
    check("the user's Sieve script files into Lists", len(roost.messages("alice", "Lists")) == 1)
    c.close()

    # BDAT (RFC 3030): chunks, then LAST; exact content on disk.
    c = Lmtp(port)
    c.cmd("LHLO x")
    c.send("MAIL FROM:<s@x>\r\nRCPT TO:<alice@example.test>\r\nRCPT TO:<bob@example.test>\r\n")
    [c.code() for _ in range(3)]
    part1 = b"Subject: chunked\r\nX-Part: 1\r"
    part2 = b"\n\r\nbody line\r\n.not stuffed\r\n"
    c.send(b"BDAT %d\r\n" % len(part1) + part1)
    first = c.reply()[-1]
    c.send(b"BDAT %d LAST\r\n" % len(part2) + part2)
    replies = [c.reply()[-1] for _ in range(2)]
    check("BDAT chunk 250", first.startswith("250"), first)
    check("BDAT LAST: one reply per recipient", replies[0].startswith("250") and replies[1].startswith("550 5.7.1"), str(replies))
    chunked = [m for m in roost.messages("alice") if b"Subject: chunked" in m]
    check("BDAT message exact on disk (CRLF split across chunks, no dot-unstuffing)",
          len(chunked) == 1 and chunked[0].endswith(b"Subject: chunked\nX-Part: 1\n\nbody line\n.not stuffed\n"),
          repr(chunked[0][-80:]) if chunked else "missing")
    check("DATA after BDAT in a new transaction works",
          transaction(c, ["alice@example.test"], data_text("after bdat"))[1][0].startswith("250"))
    c.close()

    # STARTTLS: 220, then LHLO again over TLS (no STARTTLS advertised any more), a delivery.
    c = Lmtp(port)
    c.cmd("LHLO x")
    check("STARTTLS 220", c.cmd("STARTTLS")[-1].startswith("220"))
    c.starttls()
    lhlo = c.cmd("LHLO x")
    check("LHLO over TLS, STARTTLS no longer offered", lhlo[-1].startswith("250") and not any("STARTTLS" in l for l in lhlo), str(lhlo))
    _, replies = transaction(c, ["alice@example.test"], data_text("over tls"))
    check("delivery over TLS", replies and replies[0].startswith("250"), str(replies))
    tls_msg = [m for m in roost.messages("alice") if b"Subject: over tls" in m]
    check("Received says LMTPS", tls_msg and b"with LMTPS" in tls_msg[0])
    c.close()

    # Plaintext pipelined behind STARTTLS is dropped, not run inside TLS (the injection of
    # CVE-2011-0411): the QUIT sent in the clear must not end the TLS session.
    c = Lmtp(port)
    c.cmd("LHLO x")
    c.send("STARTTLS\r\nQUIT\r\n")
    check("STARTTLS with a command behind it: 220", c.reply()[-1].startswith("220"))
    c.starttls()
    lhlo = c.cmd("LHLO x")
    check("the command pipelined in the clear is not run after STARTTLS", lhlo[-1].startswith("250"), str(lhlo))
    c.close()

    # Bad input.
    c = Lmtp(port)
    c.cmd("LHLO x")
    c.send(b"BDAT 5\r\nhello")
    check("BDAT before MAIL: 503", c.code() == "503")
    check("... its chunk is read and dropped, not taken for a command", c.cmd("NOOP")[-1].startswith("250"))
    before = len(roost.messages("alice"))
    c.send("MAIL FROM:<s@x>\r\nRCPT TO:<alice@example.test>\r\nBDAT 0 LAST\r\n")
    codes = [c.code() for _ in range(3)]
    check("BDAT 0 LAST without chunks: an empty message, delivered",
          codes == ["250"] * 3 and len(roost.messages("alice")) == before + 1, str(codes))
    _, replies = transaction(c, ["alice@example.test"], "just a body line\r\nand another\r\n")
    stored = [m for m in roost.messages("alice") if b"just a body line" in m]
    check("a message without headers is delivered", replies[0].startswith("250") and len(stored) == 1, str(replies))
    if stored:
        check("... its text stays in the body", b"\n\njust a body line\nand another\n" in stored[0])
    c.send("MAIL FROM:<s@x>\r\nRCPT TO:<alice@example.test>\r\nDATA\r\n")
    [c.code() for _ in range(3)]
    c.send(b"Subject: bare lf\nX: y\n\nline one\nline two\r\n.\r\n")
    check("bare LF line ends: delivered", c.code() == "250")
    bare = [m for m in roost.messages("alice") if b"Subject: bare lf" in m]
    check("... stored intact", bare and bare[0].endswith(b"Subject: bare lf\nX: y\n\nline one\nline two\n"))
    # RFC 5321 §4.1.1.4: LF "." LF is not the end of the message, so nothing after it is
    # run as a command (SMTP smuggling); CRLF "." LF and LF "." CRLF neither.
    c.send("MAIL FROM:<s@x>\r\nRCPT TO:<alice@example.test>\r\nDATA\r\n")
    [c.code() for _ in range(3)]
    c.send(b"Subject: smuggle\r\n\r\nbefore\n.\nMAIL FROM:<smuggled@example.net>\r\n.\n"
           b"RCPT TO:<bob@example.test>\r\n\n.\r\nafter\r\n.\r\n")
    check("LF.LF inside DATA does not end it: one 250", c.code() == "250")
    check("... the connection is in step (NOOP 250 2.0.0)", c.cmd("NOOP")[-1].startswith("250 2.0.0"))
    smuggled = [m for m in roost.messages("alice") if b"Subject: smuggle" in m]
    check("... one message holding the would-be commands and 'after'",
          len(smuggled) == 1 and
          smuggled[0].endswith(b"before\n.\nMAIL FROM:<smuggled@example.net>\n.\n"
                               b"RCPT TO:<bob@example.test>\n\n.\nafter\n"), smuggled)
    check("... nothing smuggled to bob", not any(b"Subject: smuggle" in m for m in roost.messages("bob")))
    _, replies = transaction(c, ["alice@example.test"], "Subject: nul\r\n\r\nbefore\x00after\r\n")
    nul = [m for m in roost.messages("alice") if b"Subject: nul" in m]
    check("NUL bytes: delivered as sent", replies[0].startswith("250") and nul and b"before\x00after\n" in nul[0], str(replies))
    c.cmd("QUIT")
    c.close()

    c = Lmtp(port)
    lhlo = c.cmd("LHLO x")
    size = int([l for l in lhlo if "SIZE" in l][0].split()[-1].replace("250-SIZE", ""))
    check("MAIL SIZE over the limit 552", c.cmd("MAIL FROM:<s@x> SIZE=%d" % (size + 1))[-1].startswith("552"))
    big_body = ("x" * 998 + "\r\n") * (50 * 1024 * 1024 // 1000)
    t0 = time.time()
    _, replies = transaction(c, ["alice@example.test"], data_text("fifty", body=big_body))
    big = [os.path.getsize(os.path.join(root, f)) for root, _, files in
           os.walk(os.path.join(roost.home("alice"), "Maildir", "new")) for f in files
           if os.path.getsize(os.path.join(root, f)) > 50_000_000]
    check("a 50 MiB message is delivered (%.1f s)" % (time.time() - t0),
          replies and replies[0].startswith("250") and len(big) == 1, str(replies))
    c.close()

    # 10,000 recipients pipelined: 1000 accepted, the rest 452 4.5.3, one reply each after DATA.
    c = Lmtp(port)
    c.cmd("LHLO x")
    rcpts = "".join("RCPT TO:<alice+r%d@example.test>\r\n" % i for i in range(10000))
    c.send("MAIL FROM:<s@x>\r\n" + rcpts + "DATA\r\n")
    codes = [c.code() for _ in range(10002)]
    accepted = codes[1:10001].count("250")
    too_many = [x for x in codes[1:10001] if x == "452"]
    check("10,000 RCPT: 1000 accepted, 9000 452 4.5.3", accepted == 1000 and len(too_many) == 9000,
          "accepted %d, 452 %d" % (accepted, len(too_many)))
    check("DATA after them 354", codes[-1] == "354", codes[-1])
    c.send(data_text("many rcpts") + ".\r\n")
    after = [c.reply()[-1] for _ in range(accepted)]
    check("one 250 per accepted recipient after DATA", all(r.startswith("250") for r in after), after[0])
    check("connection in step afterwards", c.cmd("NOOP")[-1].startswith("250"))
    c.close()
    stored = 0
    for root, _dirs, files in os.walk(os.path.join(roost.home("alice"), "Maildir")):
        stored += sum(1 for f in files if root.endswith(("/new", "/cur")) and "/.r" in root)
    check("1000 copies on disk (one per detail folder)", stored == 1000, str(stored))

    # A 100 KiB command line: 500 5.5.2, the connection stays usable.
    c = Lmtp(port)
    c.cmd("LHLO x")
    check("100 KiB command line 500 5.5.2", c.cmd("MAIL FROM:<" + "a" * 102400 + "@x>")[-1].startswith("500 5.5.2"))
    check("... then a delivery on the same connection",
          transaction(c, ["alice@example.test"], data_text("after long line"))[1][0].startswith("250"))
    c.close()

    # A client leaving in the middle of DATA: nothing stored, nothing left in tmp/.
    before = len(roost.messages("bob")) + len(roost.messages("alice"))
    c = Lmtp(port)
    c.cmd("LHLO x")
    c.send("MAIL FROM:<s@x>\r\nRCPT TO:<alice@example.test>\r\nDATA\r\n")
    [c.code() for _ in range(3)]
    c.send("Subject: half\r\n\r\n" + "partial line\r\n" * 1000)
    c.close()
    time.sleep(0.5)
    check("disconnect mid-DATA: nothing delivered",
          not any(b"Subject: half" in m for m in roost.messages("alice")) and
          before == len(roost.messages("bob")) + len(roost.messages("alice")))
    check("... nothing in tmp/", roost.tmp_files("alice") == [], str(roost.tmp_files("alice")))
    c = Lmtp(port)
    c.cmd("LHLO x")
    check("... and the server takes the next client",
          transaction(c, ["alice@example.test"], data_text("after disconnect"))[1][0].startswith("250"))
    c.close()

    # Too many bad commands: 421 and closed.
    c = Lmtp(port)
    for _ in range(19):
        c.cmd("FROB")
    last = c.cmd("FROB")
    closing = c.reply()
    check("20th bad command: its 500, then 421 and the connection closed",
          last[-1].startswith("500") and closing[-1].startswith("421 4.7.0") and c.closed_by_peer(),
          str(last + closing))
    c.close()


def quota_cases(binary):
    """Quota at delivery (quota_rule = *:messages=1) and at RCPT (lmtp_rcpt_check_quota)."""
    quota = 'plugin {\n  quota = maildir:User quota\n  quota_rule = *:messages=1\n}\n'
    for check_at_rcpt, tempfail in ((False, False), (True, True)):
        roost = Roost(binary, users=("dave",), extra=quota +
                      "lmtp_rcpt_check_quota = %s\nquota_full_tempfail = %s\n" %
                      ("yes" if check_at_rcpt else "no", "yes" if tempfail else "no"))
        roost.start()
        try:
            c = Lmtp(roost.port)
            c.cmd("LHLO x")
            first = transaction(c, ["dave@example.test"], data_text("fills the quota"))[1]
            check("quota: the first message fits", first and first[0].startswith("250"), str(first))
            codes, replies = transaction(c, ["dave@example.test"], data_text("over quota"))
            if check_at_rcpt:
                check("lmtp_rcpt_check_quota + quota_full_tempfail: 452 4.2.2 at RCPT",
                      codes == ["452"] or codes[:1] == ["452"], str(codes))
            else:
                check("over quota after DATA: 552 5.2.2",
                      replies and replies[0].startswith("552 5.2.2 <dave@example.test>"), str(replies))
            check("quota: nothing more stored", len(roost.messages("dave")) == 1)
            c.close()
        finally:
            roost.cleanup()


if __name__ == "__main__":
    sys.exit(main())
