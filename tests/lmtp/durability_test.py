#!/usr/bin/env python3
"""Durability of LMTP delivery across SIGKILL. Four clients send uniquely numbered messages
(Message-ID and a body token) to 1-3 of 5 users and record, per recipient, which got 250.
After about 1.5 s of load roost is killed with SIGKILL and started again; each client then
resends every (message, recipient) that did not get 250, as an MTA would, until all are
acknowledged. Then, from the Maildirs (new/ and cur/; tmp/ does not count):
  - every acknowledged (message, recipient) is on disk at least once, whole;
  - no recipient holds more copies of a message than the client sent it there
    (1 + its resends: a copy written just before the kill whose 250 never arrived may be
    stored again by the resend, but never more often);
  - nothing is on disk that was not sent to that recipient.
Usage: durability_test.py ROOST_BINARY [SEED]"""
import os
import random
import re
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lmtp_client import Closed, LmtpClient, Roost  # noqa: E402

USERS = ["u1", "u2", "u3", "u4", "u5"]
CLIENTS = 4
LOAD_SECONDS = 1.5
RESEND_DEADLINE = 180  # seconds after the restart to get every pair acknowledged


def message_text(msg_id):
    """The whole message, deterministic from its id, so a stored copy can be checked whole."""
    body = "".join("token %s line %02d: the quick brown fox jumps over the lazy dog\r\n" %
                   (msg_id, i) for i in range(40))
    return ("From: load@example.net\r\nMessage-ID: <%s@durability.example>\r\n"
            "Subject: durability %s\r\n\r\n%sEND %s\r\n" % (msg_id, msg_id, body, msg_id)).encode()


class Client(threading.Thread):
    def __init__(self, index, roost, killed, restarted, seed):
        super().__init__(daemon=True)
        self.index = index
        self.roost = roost
        self.killed = killed
        self.restarted = restarted
        self.rng = random.Random(seed * 100 + index)
        self.conn = None
        self.recipients = {}   # msg id -> [users]
        self.sent = {}         # (msg id, user) -> times the message data went to the server
        self.acked = set()     # (msg id, user) that got 250 after the data
        self.refused = []      # permanent refusals: (msg id, user, reply), a failure
        self.errors = 0        # broken connections
        self.first_unacked = 0 # pairs left unacknowledged by the first attempt
        self.resends = 0
        self.done = False

    def connect(self):
        self.conn = LmtpClient(port=self.roost.port, timeout=30)
        if self.conn.greeting.code != 220 or self.conn.lhlo("durability").code != 250:
            raise Closed("no greeting/LHLO: %s" % self.conn.greeting)

    def transaction(self, msg_id, users):
        """One MAIL/RCPT/DATA with the commands pipelined; marks the users that got 250."""
        if self.conn is None:
            self.connect()
        c = self.conn
        c.send("MAIL FROM:<load@example.net>\r\n" +
               "".join("RCPT TO:<%s@example.test>\r\n" % u for u in users))
        mail = c.reply()
        rcpts = c.replies(len(users))
        if mail.code != 250:
            raise Closed("MAIL refused: %s" % mail)
        accepted = []
        for user, reply in zip(users, rcpts):
            if reply.code == 250:
                accepted.append(user)
            elif reply.code >= 500:
                self.refused.append((msg_id, user, repr(reply)))
        if not accepted:
            c.command("RSET")
            return
        go = c.command("DATA")
        if go.code != 354:
            raise Closed("DATA refused: %s" % go)
        for user in accepted:
            self.sent[(msg_id, user)] = self.sent.get((msg_id, user), 0) + 1
        c.send(LmtpClient.dot_stuff(message_text(msg_id)))
        for user in accepted:
            reply = c.reply()
            if reply.code == 250:
                self.acked.add((msg_id, user))
            elif reply.code >= 500:
                self.refused.append((msg_id, user, repr(reply)))

    def attempt(self, msg_id, users):
        try:
            self.transaction(msg_id, users)
            return True
        except (OSError, Closed):
            self.errors += 1
            if self.conn:
                self.conn.close()
            self.conn = None
            return False

    def unacked(self, msg_id):
        refused = {(m, u) for m, u, _ in self.refused}
        return [u for u in self.recipients[msg_id]
                if (msg_id, u) not in self.acked and (msg_id, u) not in refused]

    def run(self):
        # Load until the kill.
        seq = 0
        while not self.killed.is_set():
            seq += 1
            msg_id = "c%d-m%05d" % (self.index, seq)
            users = self.rng.sample(USERS, self.rng.randint(1, 3))
            self.recipients[msg_id] = users
            if not self.attempt(msg_id, users) and not self.killed.is_set():
                time.sleep(0.05)  # an error before the kill: reported, the load goes on
        self.first_unacked = sum(len(self.unacked(m)) for m in self.recipients)
        # After the restart: resend what is missing until every pair has its 250.
        self.restarted.wait()
        deadline = time.time() + RESEND_DEADLINE
        while time.time() < deadline:
            missing = [(m, self.unacked(m)) for m in sorted(self.recipients) if self.unacked(m)]
            if not missing:
                break
            for msg_id, users in missing:
                self.resends += 1
                if not self.attempt(msg_id, users):
                    time.sleep(0.2)
                    break
        if self.conn:
            try:
                self.conn.quit()
            except (OSError, Closed):
                pass
        self.done = True


def scan(roost):
    """(msg id, user) -> number of copies in new/ and cur/; plus files that are not whole."""
    copies, broken, foreign = {}, [], []
    for user in USERS:
        for path in roost.message_files(user):
            with open(path, "rb") as f:
                data = f.read()
            match = re.search(rb"^Message-ID: <(c\d+-m\d+)@durability\.example>$", data, re.M)
            if not match:
                foreign.append(path)
                continue
            msg_id = match.group(1).decode()
            want = message_text(msg_id).replace(b"\r\n", b"\n")
            if not data.endswith(want):
                broken.append(path)
            copies[(msg_id, user)] = copies.get((msg_id, user), 0) + 1
    tmp = sum(len(roost.tmp_files(u)) for u in USERS)
    return copies, broken, foreign, tmp


def main():
    binary = sys.argv[1]
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else int(time.time())
    print("seed %d" % seed)
    failures = []

    def expect(name, ok, expected, got):
        print(("PASS %s" % name) if ok else
              "FAIL %s\n     expected: %s\n     got:      %s" % (name, expected, got))
        if not ok:
            failures.append(name)

    roost = Roost(binary, users=USERS)
    killed, restarted = threading.Event(), threading.Event()
    clients = [Client(i, roost, killed, restarted, seed) for i in range(CLIENTS)]
    try:
        for client in clients:
            client.start()
        time.sleep(LOAD_SECONDS)
        killed.set()
        os.kill(roost.pid, 9)
        roost.proc.wait()
        expect("roost died of SIGKILL", roost.proc.returncode == -9, -9, roost.proc.returncode)
        acked_before = sum(len(c.acked) for c in clients)
        time.sleep(0.3)  # let every client notice the broken connection
        roost.start()
        restarted.set()
        for client in clients:
            client.join(timeout=RESEND_DEADLINE + 30)

        expect("every client finished", all(c.done for c in clients), "all done",
               [c.index for c in clients if not c.done])
        sent = {}
        acked = set()
        refused = []
        for c in clients:
            sent.update(c.sent)
            acked |= c.acked
            refused += c.refused
        pairs = {(m, u) for c in clients for m, users in c.recipients.items() for u in users}
        copies, broken, foreign, tmp = scan(roost)

        expect("no permanent refusal", refused == [], "[]", refused[:5])
        missing_ack = sorted(pairs - acked)
        expect("every (message, recipient) acknowledged in the end", not missing_ack, "none",
               missing_ack[:10])
        lost = sorted(p for p in acked if copies.get(p, 0) < 1)
        expect("every acknowledged (message, recipient) is on disk", not lost,
               "none missing", "%d missing, e.g. %s" % (len(lost), lost[:10]))
        too_many = sorted((p, copies[p], sent.get(p, 0)) for p in copies
                          if copies[p] > sent.get(p, 0))
        expect("no more copies than sends for any (message, recipient)", not too_many,
               "copies <= 1 + resends", too_many[:10])
        expect("every stored copy is whole", not broken, "[]", broken[:5])
        expect("nothing stored that was not sent", not foreign, "[]", foreign[:5])
        expect("the restarted daemon stops with SIGTERM (0)", roost.stop() == 0, 0,
               roost.proc.returncode)

        duplicates = sum(n - 1 for n in copies.values() if n > 1)
        print("totals: %d messages, %d (message, recipient) pairs, %d acknowledged before the "
              "kill, %d left unacknowledged by the kill, %d resend transactions, %d broken "
              "connections, %d copies on disk (%d duplicates from resends), %d files in tmp/" %
              (sum(len(c.recipients) for c in clients), len(pairs), acked_before,
               sum(c.first_unacked for c in clients), sum(c.resends for c in clients),
               sum(c.errors for c in clients), sum(copies.values()), duplicates, tmp))
        if sum(c.first_unacked for c in clients) == 0:
            print("note: the kill caught no transaction in flight; this run proved less")
    finally:
        killed.set()
        restarted.set()
        if failures:
            print("log tail:\n" + roost.log()[-3000:])
        roost.cleanup()
    print("%d check(s) failed" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
