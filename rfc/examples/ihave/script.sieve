# RFC 5463 §4-5: use extensions only when the interpreter has them, and
# stop with an error when the script cannot go on without one. The error
# ends the script; RFC 5228 §2.10.6: the message is then kept (the earlier
# fileinto is not performed).
require "ihave";

if header :contains "list-id" "<dev.example.org>" {
    if ihave "fileinto" {
        fileinto "Lists.dev";
    }
}

if header :contains "subject" "[encrypted]" {
    if ihave "vnd.example.decrypt" {
        decrypt :key "default";
    } else {
        error "cannot read [encrypted] mail: vnd.example.decrypt is not available";
    }
}
