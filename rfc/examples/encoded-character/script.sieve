# RFC 5228 §2.4.2.4: the example (a subject containing "$$$" is
# discarded), plus encoded characters in a key, a mailbox name and an
# address. The message is an invoice in euros: the "$$$" rule does not
# match, the "€" rule files it into "Finanzen/Büro" and redirects it to
# kasse@example.org.
require ["encoded-character", "fileinto"];

if header :contains "Subject" "$${hex:24 24}" {
    discard;
    stop;
}
if header :contains "Subject" "${unicode:20AC}" {
    fileinto "Finanzen/B${unicode:FC}ro";
    redirect "kasse${hex:40}example.org";
}
