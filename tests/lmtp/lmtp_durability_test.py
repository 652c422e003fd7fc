#!/usr/bin/env python3
"""Durability under SIGKILL (issue 7): 4 clients deliver uniquely numbered messages to 1-3 of
5 users; roost is killed with SIGKILL in the middle of the load and started again; each
client resends every (message, recipient) that did not get 250, as an MTA would. Then every
recipient that got 250 has the message in its Maildir, and no message is stored for a
recipient more often than the client sent it there (a copy written before the kill whose
250 never arrived may be stored twice: once from the first try, once from the resend).
Usage: lmtp_durability_test.py ROOST"""
import os
import re
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lmtp_lib import Lmtp, Roost  # noqa: E402

USERS = ["u1", "u2", "u3", "u4", "u5"]
CLIENTS = 4


class Client:
    def __init__(self, index, port_of):
        self.index = index
        self.port_of = port_of
        self.pending = []   # (msg id, [recipients not acknowledged])
        self.sent = {}      # (msg id, user) -> times sent
        self.acked = set()  # (msg id, user)
        self.conn = None

    def connect(self):
        self.conn = Lmtp(self.port_of(), timeout=20)
        self.conn.cmd("LHLO durability")

    def send(self, msg, users):
        """One transaction; returns the users that got 250. Raises on a broken connection."""
        if self.conn is None:
            self.connect()
        c = self.conn
        c.send("MAIL FROM:<load@example.net>\r\n" + "".join(
            "RCPT TO:<%s@example.test>\r\n" % u for u in users) + "DATA\r\n")
        if c.code() != "250":
            return []
        accepted = [u for u in users if c.code() == "250"]
        if c.code() != "354":
            return []
        for u in accepted:
            self.sent[(msg, u)] = self.sent.get((msg, u), 0) + 1
        body = "".join("line %d of the message %s\r\n" % (i, msg) for i in range(60))
        c.send("Message-ID: <%s@durability>\r\nSubject: %s\r\n\r\n%s.\r\n" % (msg, msg, body))
        return [u for u in accepted if c.reply()[-1].startswith("250")]

    def deliver(self, msg, users):
        try:
            ok = self.send(msg, users)
        except (OSError, ConnectionError):
            self.conn = None
            ok = []
        for u in ok:
            self.acked.add((msg, u))
        rest = [u for u in users if u not in ok]
        if rest:
            self.pending.append((msg, rest))

    def load(self, stop):
        n = 0
        while not stop.is_set():
            msg = "m%d-%d" % (self.index, n)
            users = [USERS[(n + self.index + k) % len(USERS)] for k in range(1 + n % 3)]
            self.deliver(msg, users)
            n += 1
            if self.conn is None:
                time.sleep(0.01)

    def retry(self):
        for _ in range(50):
            todo, self.pending = self.pending, []
            for msg, users in todo:
                self.deliver(msg, users)
            if not self.pending:
                return True
            time.sleep(0.2)
        return False


def stored(roost):
    """(msg id, user) -> copies in new/ and cur/."""
    counts = {}
    for u in USERS:
        for m in roost.messages(u):
            found = re.search(rb"Message-ID: <([^@]+)@durability>", m)
            if found:
                key = (found.group(1).decode(), u)
                counts[key] = counts.get(key, 0) + 1
    return counts


def main():
    roost = Roost(sys.argv[1], users=USERS)
    roost.start()
    failures = []
    try:
        clients = [Client(i, lambda: roost.port) for i in range(CLIENTS)]
        stop = threading.Event()
        threads = [threading.Thread(target=c.load, args=(stop,)) for c in clients]
        for t in threads:
            t.start()
        time.sleep(1.5)
        roost.kill()
        killed_at = sum(len(c.acked) for c in clients)
        time.sleep(0.3)
        stop.set()
        for t in threads:
            t.join()
        roost.start()
        for c in clients:
            c.conn = None
            if not c.retry():
                failures.append("client %d could not deliver everything after the restart" % c.index)
        counts = stored(roost)
        acked = set().union(*(c.acked for c in clients))
        sent = {}
        for c in clients:
            for key, times in c.sent.items():
                sent[key] = sent.get(key, 0) + times
        missing = [k for k in acked if counts.get(k, 0) < 1]
        too_many = [(k, counts[k], sent.get(k, 0)) for k in counts if counts[k] > sent.get(k, 0)]
        resent = sum(t - 1 for t in sent.values() if t > 1)
        dupes = sum(n - 1 for n in counts.values() if n > 1)
        print("acknowledged before the kill: %d; after retries: %d (recipient deliveries)" %
              (killed_at, len(acked)))
        print("resent (message, recipient) pairs: %d; stored twice: %d" % (resent, dupes))
        if killed_at == 0:
            failures.append("no delivery was acknowledged before the kill: the load did not run")
        if missing:
            failures.append("acknowledged but not on disk: %s" % missing[:5])
        if too_many:
            failures.append("stored more often than sent: %s" % too_many[:5])
        if dupes > resent:
            failures.append("%d duplicates with only %d resends" % (dupes, resent))
        left = [f for u in USERS for f in roost.tmp_files(u)]
        print("files left in tmp/ by the kill (not delivered, Maildir readers ignore them): %d" % len(left))
    finally:
        roost.cleanup()
    for f in failures:
        print("FAIL " + f)
    print("PASS" if not failures else "%d failed" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
