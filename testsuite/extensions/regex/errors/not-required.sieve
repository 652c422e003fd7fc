# RFC 5228 §2.10.5: :regex needs require "regex".
if header :regex "subject" "^re:" { keep; }
