# RFC 5260 §6: :index picks one of several header fields of the same name,
# counting from the top, or from the bottom with :last. §6.1's cutoff check
# (without the stray comma after its key list) reads the second Received
# field, written when the message entered our domain at mx.example.org:
# 08:59:47 -0500, before the 09:00 cutoff, so it is not redirected, though
# the topmost field (local delivery, 09:05 -0500) is after the cutoff. The
# last field, counted with :last, is the author's first hop: 08:58 -0500.
require ["date", "relational", "index", "fileinto"];

if date :value "gt" :index 2 :zone "-0500" "received"
        "iso8601" "2007-02-26T09:00:00-05:00"
{ redirect "aftercutoff@example.org"; }

if date :value "gt" :index 1 :zone "-0500" "received"
        "iso8601" "2007-02-26T09:00:00-05:00"
{ fileinto "delivered-after-cutoff"; }

if date :is :index 1 :last :zone "-0500" "received"
        "time" "08:58:03"
{ fileinto "sent-at-0858"; }
