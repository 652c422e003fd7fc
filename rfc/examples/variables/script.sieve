# RFC 5229 §3.2: the match variables example (the RFC's "fileinfo" typo
# corrected to "fileinto"). The message has no List-ID, so the Subject rule
# files it by the list tag; §4.1 modifiers normalise the tag first.
require ["fileinto", "variables"];

if header :matches "List-ID" "*<*@*" {
    fileinto "INBOX.lists.${2}"; stop;
}

# Subject: [ACME-Users] [fwd] version 1.0 is out
if header :matches "Subject" "[*] *" {
    # ${1} holds "ACME-Users", ${2} holds "[fwd] version 1.0 is out"
    set :lower "list" "${1}";
    fileinto "INBOX.lists.${list}"; stop;
}

if address :matches ["To", "Cc"] ["coyote@**.com", "wile@**.com"] {
    # ${2} is part of the domain name ("ACME.Example")
    fileinto "INBOX.business.${2}"; stop;
}
