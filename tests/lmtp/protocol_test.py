#!/usr/bin/env python3
"""The LMTP protocol of a real roost daemon, case by case (RFC 2033 on RFC 5321; RFC 2920
pipelining, RFC 3030 CHUNKING, RFC 1870 SIZE, RFC 3207 STARTTLS, RFC 3463/2034 status codes):
greeting and capabilities, STARTTLS, commands out of sequence, one reply per recipient after
the message, detail mailboxes and ORCPT, BDAT, and bad input (no header, bare LF, NUL bytes,
50 MiB, more than SIZE, 10,000 pipelined recipients, a 100 KiB command line, a client that
leaves mid-message). Every delivery is checked on disk; nothing may be lost or half-written.
Each check prints PASS or FAIL with what was expected and what came; exit 1 on any FAIL.
Usage: protocol_test.py ROOST_BINARY"""
import hashlib
import os
import re
import sys
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lmtp_client import Closed, LmtpClient, Roost  # noqa: E402

ALICE, BOB, CAROL = "alice@example.test", "bob@example.test", "carol@example.test"
failures = []


def expect(name, ok, expected, got):
    if ok:
        print("PASS %s" % name)
    else:
        print("FAIL %s\n     expected: %s\n     got:      %s" % (name, expected, got))
        failures.append(name)
    return ok


def message(subject, body="a line of body text\r\n", headers=""):
    return ("From: sender@example.net\r\nTo: alice@example.test\r\nSubject: %s\r\n%s\r\n%s" %
            (subject, headers, body)).encode()


def on_disk(message_bytes):
    """What the Maildir holds of a message sent with CRLF: LF line ends."""
    return message_bytes.replace(b"\r\n", b"\n")


def header_block(stored):
    return stored.split(b"\n\n", 1)[0]


def wait_for(predicate, seconds=5.0):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return predicate()


def deliver_ok(roost, name, client, subject, recipient=ALICE, folder=""):
    """A full delivery on an existing connection: 250 and exactly one copy on disk."""
    _, rcpts, replies = client.transaction([recipient], message(subject))
    user = recipient.split("@")[0].split("+")[0]
    stored = roost.find(user, b"Subject: %s\n" % subject.encode(), folder)
    return expect(name, [r.code for r in rcpts] == [250] and len(replies) == 1
                  and replies[0].is_(250, "2.0.0") and len(stored) == 1,
                  "RCPT 250, 250 2.0.0 after DATA, one copy in %s" % (folder or "INBOX"),
                  "RCPT %s, after DATA %s, %d copies" % (rcpts, replies, len(stored)))


# --- greeting, capabilities, STARTTLS ------------------------------------------------------

def case_greeting_and_capabilities(roost):
    c = roost.connect()
    expect("greeting 220", c.greeting.code == 220, "220 ...", c.greeting)
    lhlo = c.lhlo()
    caps = LmtpClient.capabilities(lhlo)
    expect("LHLO 250", lhlo.code == 250, "250", lhlo)
    for cap in ("PIPELINING", "ENHANCEDSTATUSCODES", "8BITMIME", "SMTPUTF8", "CHUNKING", "SIZE",
                "STARTTLS"):
        expect("LHLO advertises %s" % cap, cap in caps, cap, sorted(caps))
    expect("SIZE carries the limit in octets", caps.get("SIZE", "").isdigit(),
           "SIZE <number>", "SIZE %r" % caps.get("SIZE"))
    c.quit()


def case_starttls(roost):
    c = roost.connect()
    c.lhlo()
    answer = c.starttls()
    expect("STARTTLS 220", answer.code == 220, "220 2.0.0 ...", answer)
    if answer.code != 220:
        return
    lhlo = c.lhlo()
    caps = LmtpClient.capabilities(lhlo)
    expect("LHLO over TLS 250 with the capabilities", lhlo.code == 250 and "PIPELINING" in caps,
           "250 with PIPELINING", lhlo)
    # RFC 3207 4.2: no STARTTLS in the EHLO (LHLO) reply after the handshake.
    expect("STARTTLS no longer offered over TLS", "STARTTLS" not in caps, "no STARTTLS",
           sorted(caps))
    deliver_ok(roost, "delivery over TLS", c, "over tls")
    c.quit()


def case_starttls_injection(roost):
    """RFC 3207 5: plaintext pipelined after STARTTLS must not be executed inside TLS."""
    c = roost.connect()
    c.lhlo()
    c.send("STARTTLS\r\nNOOP injected\r\n")
    answer = c.reply()
    if answer.code != 220:
        expect("STARTTLS with pipelined plaintext refused or not executed", answer.code >= 400,
               "an error, or 220 with the NOOP discarded", answer)
        c.close()
        return
    try:
        c.wrap_tls()
        first = c.lhlo()
        ok = first.code == 250 and len(first.lines) > 1
        got = first
    except (OSError, Closed) as e:  # the server dropped the connection: also safe
        ok, got = True, "connection closed (%s)" % e.__class__.__name__
    expect("plaintext pipelined after STARTTLS is not answered inside TLS", ok,
           "the first reply over TLS is the multi-line LHLO reply (or the connection is closed)",
           got)
    c.close()


def case_unix_socket(roost):
    c = roost.connect(unix=True)
    expect("unix socket: greeting 220", c.greeting.code == 220, "220", c.greeting)
    c.lhlo()
    deliver_ok(roost, "unix socket: delivery", c, "over the unix socket")
    c.quit()


def case_no_tls_configured(binary):
    with Roost(binary, users=("alice",)) as plain:
        c = plain.connect()
        caps = LmtpClient.capabilities(c.lhlo())
        expect("without ssl_cert/ssl_key: no STARTTLS in LHLO", "STARTTLS" not in caps,
               "no STARTTLS", sorted(caps))
        answer = c.command("STARTTLS")
        expect("without ssl_cert/ssl_key: STARTTLS refused", answer.code in (454, 500, 502),
               "454/500/502", answer)
        deliver_ok(plain, "without ssl_cert/ssl_key: the connection still delivers", c,
                   "no tls here")
        c.quit()


# --- sequence errors ----------------------------------------------------------------------

def case_sequence_errors(roost):
    c = roost.connect()
    r = c.mail()
    expect("MAIL before LHLO 503 5.5.1", r.is_(503, "5.5.1"), "503 5.5.1", r)
    c.lhlo()
    deliver_ok(roost, "... then LHLO and a delivery work", c, "after mail before lhlo")

    r = c.rcpt(ALICE)
    expect("RCPT before MAIL 503 5.5.1", r.is_(503, "5.5.1"), "503 5.5.1", r)
    deliver_ok(roost, "... then a delivery works", c, "after rcpt before mail")

    r = c.command("DATA")
    expect("DATA before MAIL 503 5.5.1", r.is_(503, "5.5.1"), "503 5.5.1", r)
    deliver_ok(roost, "... then a delivery works", c, "after data before mail")

    r = c.mail()
    expect("MAIL 250 2.1.0", r.is_(250, "2.1.0"), "250 2.1.0", r)
    r = c.command("DATA")
    # RFC 5321 3.3: DATA with no (accepted) RCPT may be answered 503 or 554.
    expect("DATA before RCPT 503 (or RFC 5321 3.3's 554) 5.5.1",
           r.code in (503, 554) and r.status == "5.5.1", "503 5.5.1 (or 554 5.5.1)", r)
    r = c.rcpt(ALICE)
    go, replies = c.data(message("after data before rcpt"), 1)
    stored = roost.find("alice", b"Subject: after data before rcpt\n")
    expect("... the transaction goes on: RCPT, DATA, 250, on disk",
           r.code == 250 and go.code == 354 and len(replies) == 1 and replies[0].code == 250
           and len(stored) == 1, "250, 354, 250, one copy", (r, go, replies, len(stored)))

    r = c.command("FROB the server")
    expect("unknown command 500 5.5.2", r.is_(500, "5.5.2"), "500 5.5.2", r)
    deliver_ok(roost, "... then a delivery works", c, "after unknown command")

    # RFC 3030 2: the chunk follows the command at once and is consumed even when refused;
    # its octets form a command line here, which must not be run.
    c.send("BDAT 6 LAST\r\nNOOP\r\n")
    r = c.reply()
    expect("BDAT before MAIL 503 5.5.1", r.is_(503, "5.5.1"), "503 5.5.1", r)
    r = c.command("XNOSUCH")
    expect("... its chunk was consumed, not run: the next reply is XNOSUCH's 500",
           r.code == 500, "500", r)

    c.mail()
    c.rcpt(ALICE)
    r = c.command("RSET")
    expect("RSET 250 2.0.0", r.is_(250, "2.0.0"), "250 2.0.0", r)
    r = c.command("DATA")
    expect("RSET ended the transaction: DATA 503", r.code == 503, "503", r)
    r = c.command("NOOP")
    expect("NOOP 250", r.code == 250, "250", r)
    deliver_ok(roost, "... a delivery after RSET and NOOP", c, "after rset")
    r = c.command("QUIT")
    expect("QUIT 221 2.0.0 and the connection closed", r.is_(221, "2.0.0") and c.closed_by_server(),
           "221 2.0.0, then EOF", r)
    c.close()


# --- one reply per recipient ---------------------------------------------------------------

def case_per_recipient_replies(roost):
    c = roost.connect()
    c.lhlo()
    c.mail()
    rcpts = [c.rcpt(ALICE), c.rcpt("nobody@example.test"), c.rcpt(BOB), c.rcpt(CAROL)]
    expect("RCPT alice 250 2.1.5", rcpts[0].is_(250, "2.1.5"), "250 2.1.5", rcpts[0])
    expect("RCPT unknown user 550 5.1.1", rcpts[1].is_(550, "5.1.1"), "550 5.1.1", rcpts[1])
    expect("RCPT bob, carol 250", rcpts[2].code == 250 and rcpts[3].code == 250, "250, 250",
           rcpts[2:])
    text = message("per recipient", headers="Message-ID: <per-rcpt@example.net>\r\n",
                   body="line 1\r\nline 2\r\n")
    go, replies = c.data(text, 3)
    expect("three replies after DATA (the unknown user has none)", len(replies) == 3, "3",
           replies)
    want = [(ALICE, 250, "2.0.0"), (BOB, 550, "5.7.1"), (CAROL, 451, "4.3.0")]
    for reply, (rcpt, code, status) in zip(replies, want):
        expect("after DATA, in RCPT order: %s %d %s" % (rcpt, code, status),
               reply.is_(code, status) and "<%s>" % rcpt in reply.text,
               "%d %s <%s> ..." % (code, status, rcpt), reply)
    expect("... and the connection stays in step (NOOP 250)", c.command("NOOP").code == 250,
           "250", "")
    c.quit()

    files = [p for p in roost.message_files("alice") if b"<per-rcpt@example.net>" in
             open(p, "rb").read()]
    expect("alice's copy is in Maildir/new", len(files) == 1 and "/new/" in files[0],
           "one file in new/", files)
    if files:
        stored = open(files[0], "rb").read()
        head = header_block(stored)
        expect("Return-Path: <sender@example.net> added",
               re.search(rb"^Return-Path: <sender@example\.net>$", head, re.M) is not None,
               "Return-Path: <sender@example.net>", head[:300])
        expect("Delivered-To: alice added",
               re.search(rb"^Delivered-To: <?alice@example\.test>?$", head, re.M) is not None,
               "Delivered-To: alice@example.test", head[:300])
        expect("Received: ... with LMTP ... for <alice@example.test> added",
               re.search(rb"^Received: .*LMTP.*for <alice@example\.test>", head.replace(
                   b"\n\t", b" ").replace(b"\n ", b" "), re.M | re.S) is not None,
               "Received: ... with LMTP ... for <alice@example.test>", head[:400])
        expect("the message follows the added headers, LF line ends",
               stored.endswith(on_disk(text)) and b"\r" not in stored,
               on_disk(text)[-60:], stored[-60:])
    expect("bob (Sieve reject) has nothing", roost.messages("bob") == [], "[]",
           len(roost.messages("bob")))
    expect("nothing left in alice's or bob's tmp/",
           roost.tmp_files("alice") + roost.tmp_files("bob") == [], "[]",
           roost.tmp_files("alice") + roost.tmp_files("bob"))


def case_no_valid_recipients(roost):
    c = roost.connect()
    c.lhlo()
    c.mail()
    c.rcpt("nobody@example.test")
    r = c.command("DATA")
    expect("DATA when every RCPT failed: 554 (or 503) 5.5.1",
           r.code in (503, 554) and r.status == "5.5.1", "554 5.5.1", r)
    c.command("RSET")
    deliver_ok(roost, "... then a delivery works", c, "after no valid recipients")
    c.quit()


# --- detail mailbox and ORCPT --------------------------------------------------------------

def case_detail_and_orcpt(roost):
    c = roost.connect()
    c.lhlo()
    deliver_ok(roost, "alice+work lands in Maildir/.work (autocreated)", c, "for work",
               recipient="alice+work@example.test", folder="work")
    expect("... and not in INBOX", roost.find("alice", b"Subject: for work\n") == [],
           "[]", "a copy in INBOX")
    expect("... .work is a Maildir++ folder (maildirfolder file)",
           os.path.exists(os.path.join(roost.maildir("alice", "work"), "maildirfolder")),
           "Maildir/.work/maildirfolder", os.listdir(roost.maildir("alice")))

    c.mail()
    r = c.rcpt(ALICE, "ORCPT=rfc822;orig@example.org")
    expect("RCPT with ORCPT=rfc822;orig@example.org 250", r.code == 250, "250", r)
    go, replies = c.data(message("with orcpt"), 1)
    stored = roost.find("alice", b"Subject: with orcpt\n")
    expect("ORCPT: delivered", len(replies) == 1 and replies[0].code == 250 and len(stored) == 1,
           "250, one copy", (replies, len(stored)))
    if stored:
        head = header_block(stored[0])
        expect("ORCPT: Delivered-To: alice@example.test",
               re.search(rb"^Delivered-To: <?alice@example\.test>?$", head, re.M) is not None,
               "Delivered-To: alice@example.test", head[:300])
    c.quit()


# --- BDAT -----------------------------------------------------------------------------------

def case_bdat(roost):
    c = roost.connect()
    c.lhlo()
    c.mail()
    c.rcpt(ALICE)
    c.rcpt(BOB)
    # The chunks cut a CRLF in two; a line starting with "." is data (BDAT has no stuffing).
    chunks = [b"Subject: chunked\r\nX-Part: 1\r", b"\n\r\nfirst body line\r\n.not stuffed\r\n",
              b"last line\r\n"]
    r1 = c.bdat(chunks[0])
    r2 = c.bdat(chunks[1])
    expect("BDAT chunk 1, chunk 2: 250 each", r1.code == 250 and r2.code == 250, "250, 250",
           (r1, r2))
    replies = c.bdat(chunks[2], accepted=2, last=True)
    expect("BDAT n LAST: alice 250 2.0.0, bob 550 5.7.1",
           len(replies) == 2 and replies[0].is_(250, "2.0.0") and replies[1].is_(550, "5.7.1"),
           "250 2.0.0 <alice>, 550 5.7.1 <bob>", replies)
    stored = roost.find("alice", b"Subject: chunked\n")
    want = on_disk(b"".join(chunks))
    expect("BDAT message exact on disk (LF line ends, '.' kept)",
           len(stored) == 1 and stored[0].endswith(b"\n" + want), want,
           stored[0][-80:] if stored else "no copy")
    expect("... NOOP in step after BDAT LAST", c.command("NOOP").code == 250, "250", "")

    c.mail()
    c.rcpt(ALICE)
    r = c.bdat(b"Subject: zero last\r\n\r\nbody\r\n")
    replies = c.bdat(b"", last=True)
    stored = roost.find("alice", b"Subject: zero last\n")
    expect("BDAT 0 LAST ends a message", r.code == 250 and len(replies) == 1
           and replies[0].code == 250 and len(stored) == 1 and stored[0].endswith(b"\n\nbody\n"),
           "250, 250, one copy ending in body", (r, replies, len(stored)))
    c.mail()
    c.rcpt(ALICE)
    c.bdat(b"Subject: mixed\r\n\r\n")
    r = c.command("DATA")
    expect("DATA in the middle of a BDAT transaction 503", r.code == 503, "503 5.5.1", r)
    c.command("RSET")
    deliver_ok(roost, "... then DATA in a new transaction works", c, "after bdat")
    c.quit()


# --- bad input ------------------------------------------------------------------------------

def case_no_header(roost):
    c = roost.connect()
    c.lhlo()
    text = b"just a body line, no header at all\r\nand another\r\n"
    _, _, replies = c.transaction([ALICE], text)
    stored = roost.find("alice", b"just a body line, no header")
    expect("a message without a header: 250", len(replies) == 1 and replies[0].code == 250,
           "250", replies)
    expect("... stored once, its text intact as the body",
           len(stored) == 1 and stored[0].split(b"\n\n", 1)[1:] == [on_disk(text)],
           on_disk(text), stored[0][-120:] if stored else "no copy")
    text = b"\r\nstarts with the empty line\r\n"
    _, _, replies = c.transaction([ALICE], text)
    stored = roost.find("alice", b"starts with the empty line")
    expect("a message with an empty header: 250, body intact",
           len(replies) == 1 and replies[0].code == 250 and len(stored) == 1
           and stored[0].split(b"\n\n", 1)[1:] == [b"starts with the empty line\n"],
           "250 and the body", (replies, stored[0][-80:] if stored else "no copy"))
    c.quit()


def case_bare_lf(roost):
    c = roost.connect()
    c.lhlo()
    c.mail()
    c.rcpt(ALICE)
    go = c.command("DATA")
    c.send(b"Subject: bare lf\nX-Lines: lf only\n\nline one\nline two\r\n.\r\n")
    r = c.reply()
    stored = roost.find("alice", b"Subject: bare lf\n")
    expect("bare LF line ends: 250", go.code == 354 and r.code == 250, "354, 250", (go, r))
    expect("... stored once, intact",
           len(stored) == 1 and stored[0].endswith(
               b"\nSubject: bare lf\nX-Lines: lf only\n\nline one\nline two\n"),
           "...line one\\nline two\\n", stored[0][-80:] if stored else "no copy")
    c.quit()


def case_bare_lf_dot(roost):
    """RFC 5321 4.1.1.4: only CRLF.CRLF ends the data; "\\n.\\n" is content (no smuggling)."""
    c = roost.connect()
    c.lhlo()
    c.mail()
    c.rcpt(ALICE)
    c.command("DATA")
    c.send(b"Subject: lf dot\r\n\r\nbefore\n.\nMAIL FROM:<smuggled@example.net>\r\n"
           b"after\r\n.\r\n")
    r = c.reply()
    noop = c.command("NOOP")
    stored = roost.find("alice", b"Subject: lf dot\n")
    expect("LF.LF inside DATA does not end the message", r.code == 250 and noop.code == 250
           and len(stored) == 1 and stored[0].endswith(b"\nafter\n"),
           "250, NOOP 250, one copy holding the smuggled line and 'after'",
           (r, noop, stored[0][-90:] if stored else "no copy"))
    c.quit()


def case_nul_bytes(roost):
    """NUL is not allowed in RFC 5322 text; delivered as sent or refused with 5xx, the same
    way over DATA and BDAT, and nothing half-written either way."""
    c = roost.connect()
    c.lhlo()
    body = b"before\x00after\r\n\x00\x00\r\n"
    outcomes = []
    for how in ("DATA", "BDAT"):
        subject = "nul over %s" % how
        text = b"Subject: %s\r\n\r\n" % subject.encode() + body
        c.mail()
        c.rcpt(ALICE)
        if how == "DATA":
            go, replies = c.data(text, 1)
        else:
            replies = c.bdat(text, last=True)
        reply = replies[0] if replies else go
        stored = roost.find("alice", b"Subject: %s\n" % subject.encode())
        outcomes.append(reply.code // 100)
        if reply.code == 250:
            expect("NUL bytes over %s: delivered byte for byte" % how,
                   len(stored) == 1 and stored[0].endswith(on_disk(text)),
                   on_disk(text), stored[0][-40:] if stored else "no copy")
        else:
            expect("NUL bytes over %s: refused with a 5xx, nothing stored" % how,
                   reply.code >= 500 and stored == [], "5xx and no copy",
                   (reply, len(stored)))
    expect("NUL bytes: the same answer over DATA and BDAT", outcomes[0] == outcomes[1],
           "equal", outcomes)
    expect("NUL bytes: nothing in tmp/", wait_for(lambda: roost.tmp_files("alice") == []),
           "[]", roost.tmp_files("alice"))
    deliver_ok(roost, "NUL bytes: the connection still delivers", c, "after nul")
    c.quit()


def case_long_body_line(roost):
    """A 100 KiB line inside the message (RFC 5321 4.5.3.1.6 allows 998): delivered intact or
    refused with a 5xx; never cut."""
    c = roost.connect()
    c.lhlo()
    line = b"L" * (100 * 1024)
    text = b"Subject: long body line\r\n\r\n" + line + b"\r\nend\r\n"
    _, _, replies = c.transaction([ALICE], text)
    stored = roost.find("alice", b"Subject: long body line\n")
    if replies and replies[0].code == 250:
        expect("a 100 KiB body line: delivered intact", len(stored) == 1
               and stored[0].endswith(on_disk(text)), "the line whole",
               "%d copies" % len(stored))
    else:
        expect("a 100 KiB body line: refused with 5xx, nothing stored",
               replies and replies[0].code >= 500 and stored == [], "5xx", replies)
    deliver_ok(roost, "... then a delivery works", c, "after long body line")
    c.quit()


def size_name_fields(path):
    """Dovecot's ,S=<size>,W=<CRLF size> in a Maildir file name."""
    s = re.search(r",S=(\d+)", path)
    w = re.search(r",W=(\d+)", path)
    return (int(s.group(1)) if s else None, int(w.group(1)) if w else None)


def case_fifty_mib(roost):
    c = roost.connect(timeout=300)
    c.lhlo()
    line = b"0123456789" * 9 + b"abcdefgh"  # 98 octets
    lines = [b"%08d " % i + line for i in range(50 * 1024 * 1024 // 110)]
    text = b"Subject: fifty mib\r\n\r\n" + b"\r\n".join(lines) + b"\r\n"
    t0 = time.time()
    _, _, replies = c.transaction([ALICE], text)
    took = time.time() - t0
    paths = [p for p in roost.message_files("alice") if os.path.getsize(p) > 40 << 20]
    expect("a %.1f MiB message: 250 (%.1f s)" % (len(text) / 1048576, took),
           len(replies) == 1 and replies[0].code == 250 and len(paths) == 1, "250, one copy",
           (replies, paths))
    if len(paths) == 1:
        size = os.path.getsize(paths[0])
        want = len(on_disk(text))
        expect("... size on disk = input with LF ends + the added headers (< 1 KiB)",
               want <= size <= want + 1024, "%d..%d" % (want, want + 1024), size)
        stored = open(paths[0], "rb").read()
        expect("... content byte for byte",
               hashlib.sha256(stored[len(stored) - want:]).digest() ==
               hashlib.sha256(on_disk(text)).digest(), "same SHA-256", "differs")
        s, w = size_name_fields(paths[0])
        stored_crlf = size + stored.count(b"\n")
        expect("... file name ,S= and ,W= are the real sizes (if present)",
               (s is None or s == size) and (w is None or w == stored_crlf),
               "S=%d W=%d" % (size, stored_crlf), os.path.basename(paths[0]))
    c.quit()


def case_over_size(roost):
    c = roost.connect(timeout=300)
    caps = LmtpClient.capabilities(c.lhlo())
    limit = int(caps.get("SIZE") or 0)
    if not expect("SIZE advertised with a limit", limit > 0, "SIZE n > 0", caps.get("SIZE")):
        return
    r = c.mail(params="SIZE=%d" % (limit + 1))
    expect("MAIL SIZE=limit+1: 552 (RFC 1870 6.1)", r.code == 552, "552 5.3.4", r)
    r = c.mail(params="SIZE=%d" % limit)
    expect("MAIL SIZE=limit: 250", r.code == 250, "250", r)
    c.command("RSET")
    if limit > 512 << 20:
        print("SKIP sending more than SIZE: %d octets is too many for this test" % limit)
        return
    # Undeclared: a message of limit+1 MiB; LMTP answers once per recipient (RFC 2033 4.2).
    c.mail()
    c.rcpt(ALICE)
    c.rcpt("alice+big@example.test")
    go = c.command("DATA")
    if not expect("DATA for the oversized message 354", go.code == 354, "354", go):
        c.close()
        return
    block = (b"B" * 1022 + b"\r\n") * 1024
    head = b"Subject: over size\r\n\r\n"
    c.send(head)
    sent = len(head)
    try:
        while sent <= limit + (1 << 20):
            c.send(block)
            sent += len(block)
        c.send(b".\r\n")
        replies = c.replies(2)
        ok = all(r.code == 552 for r in replies)
        got = replies
        usable = c.command("NOOP").code == 250
    except (OSError, Closed) as e:
        ok, usable, got = False, False, "connection lost: %r" % e
    expect("a message over SIZE: 552 for each of the 2 recipients", ok, "552, 552", got)
    expect("... the connection stays usable (NOOP 250)", usable, "250", "")
    expect("... nothing stored, nothing in tmp/",
           roost.find("alice", b"Subject: over size") == []
           and roost.find("alice", b"Subject: over size", "big") == []
           and wait_for(lambda: roost.tmp_files("alice") == []),
           "no copy, empty tmp/", roost.tmp_files("alice"))
    c.close()


def case_ten_thousand_recipients(roost):
    c = roost.connect(timeout=300)
    c.lhlo()
    n = 10000
    commands = (["MAIL FROM:<sender@example.net>"] +
                ["RCPT TO:<alice+r%d@example.test>" % i for i in range(n)] + ["DATA"])
    t0 = time.time()
    replies = c.pipeline(commands)
    rcpts = replies[1:-1]
    accepted = sum(1 for r in rcpts if r.code == 250)
    refused = [r for r in rcpts if r.code != 250]
    expect("10,000 pipelined RCPT: exactly 10,000 replies", len(rcpts) == n, n, len(rcpts))
    expect("... at least 100 accepted (RFC 5321 4.5.3.1.8)", accepted >= 100, ">= 100",
           accepted)
    expect("... the accepted ones first, every other one 452 4.5.3",
           all(r.code == 250 for r in rcpts[:accepted])
           and all(r.is_(452, "4.5.3") for r in refused),
           "250 x accepted, then 452 4.5.3", "%d accepted; first refusal %s" % (
               accepted, refused[0] if refused else None))
    expect("... DATA 354", replies[-1].code == 354, "354", replies[-1])
    if replies[-1].code != 354:
        return
    c.send(c.dot_stuff(message("many recipients")))
    after = c.replies(accepted)
    expect("... one 250 per accepted recipient after the message (%d, %.1f s)" %
           (accepted, time.time() - t0), all(r.code == 250 for r in after), "all 250",
           [r for r in after if r.code != 250][:3])
    # A stray 250 would come before the 500 an unknown command gets.
    extra = c.command("XNOSUCH")
    expect("... no reply more: the next one answers the next command", extra.code == 500,
           "500 for XNOSUCH", extra)
    copies = 0
    for i in range(accepted):
        copies += len(roost.message_files("alice", "r%d" % i))
    expect("... one copy on disk per accepted recipient", copies == accepted, accepted, copies)
    c.quit()


def case_long_command_line(roost):
    """RFC 5321 4.5.3.1.4/4.2.4: a command line over the limit gets 500 (line too long);
    the server may instead close with 421 (3.8). Roost answers 500 and keeps the session."""
    c = roost.connect()
    c.lhlo()
    r = c.command("MAIL FROM:<" + "a" * (100 * 1024) + "@example.net>")
    if r.code == 421:
        expect("a 100 KiB command line: 421 and closed", c.closed_by_server(), "EOF", "open")
        return
    expect("a 100 KiB command line: 500 5.5.x", r.code == 500 and r.status.startswith("5.5."),
           "500 5.5.2 line too long", r)
    noop = c.command("NOOP")
    expect("... exactly one reply for it: NOOP answers 250 next", noop.code == 250, "250", noop)
    deliver_ok(roost, "... then a delivery on the same connection", c, "after long line")
    c.quit()


def case_disconnect_mid_message(roost):
    for how in ("DATA", "BDAT"):
        c = roost.connect()
        c.lhlo()
        c.mail()
        c.rcpt(ALICE)
        subject = b"Subject: left mid %s\r\n" % how.encode()
        partial = subject + b"\r\n" + b"partial line of a message never finished\r\n" * 2000
        if how == "DATA":
            c.command("DATA")
            c.send(partial)
        else:
            c.send(b"BDAT 200000 LAST\r\n" + partial)
        time.sleep(0.2)
        c.close()
        time.sleep(0.5)
        expect("client gone mid-%s: nothing in new/ or cur/" % how,
               roost.find("alice", subject.rstrip(b"\r\n") + b"\n") == [], "no copy",
               "a copy")
        expect("... nothing in tmp/", wait_for(lambda: roost.tmp_files("alice") == []), "[]",
               roost.tmp_files("alice"))
        c = roost.connect()
        c.lhlo()
        deliver_ok(roost, "... a new connection delivers", c, "after leaving mid %s" % how)
        c.quit()


CASES = [
    case_greeting_and_capabilities,
    case_starttls,
    case_starttls_injection,
    case_unix_socket,
    case_sequence_errors,
    case_per_recipient_replies,
    case_no_valid_recipients,
    case_detail_and_orcpt,
    case_bdat,
    case_no_header,
    case_bare_lf,
    case_bare_lf_dot,
    case_nul_bytes,
    case_long_body_line,
    case_long_command_line,
    case_disconnect_mid_message,
    case_fifty_mib,
    case_over_size,
    case_ten_thousand_recipients,
]


def main():
    binary = sys.argv[1]
    roost = Roost(binary, users=("alice", "bob", "carol"), tls=True, start=False, scripts={
        "bob": 'require "reject";\nreject "no thanks";\n',
    })
    # carol's Maildir cannot be created: a regular file stands where it would be.
    with open(roost.maildir("carol"), "w") as f:
        f.write("not a directory\n")
    roost.start()
    try:
        for case in CASES:
            print("--- %s" % case.__name__[5:])
            try:
                case(roost)
            except Exception:  # a broken case is a FAIL; the next one runs
                expect(case.__name__, False, "no exception", traceback.format_exc())
            if not roost.alive():
                expect("the daemon survives " + case.__name__[5:], False, "running",
                       "exited %s\n%s" % (roost.proc.returncode, roost.log()[-2000:]))
                roost.start()
        print("--- stop")
        t0 = time.time()
        code = roost.stop()
        expect("SIGTERM stops the daemon with 0", code == 0, 0, code)
        expect("... within 10 s", time.time() - t0 < 10, "< 10 s", "%.1f s" % (time.time() - t0))
    finally:
        if failures:
            print("log tail:\n" + roost.log()[-3000:])
        roost.cleanup()
    print("--- without TLS")
    try:
        case_no_tls_configured(binary)
    except Exception:
        expect("case_no_tls_configured", False, "no exception", traceback.format_exc())
    print("%d check(s) failed%s" % (len(failures), ": " + ", ".join(failures) if failures else ""))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
