# RFC 5293 §4: the example. Mark the message, then redirect it; the mark stops a
# second redirect when it comes back. The redirect carries the added field (§7).
require ["editheader"];
if not header :contains "X-Sieve-Filtered"
        ["<kim@job.example.com>", "<kim@home.example.com>"]
{
        addheader "X-Sieve-Filtered" "<kim@job.example.com>";
        redirect "kim@home.example.com";
}
