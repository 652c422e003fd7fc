# RFC 5228 §2.3: a bracketed comment ends with "*/".
keep;
/* this comment is never closed
discard;
