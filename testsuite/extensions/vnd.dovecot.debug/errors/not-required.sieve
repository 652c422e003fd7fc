# RFC 5228 §2.10.5: debug_log needs require "vnd.dovecot.debug".
debug_log "hello";
