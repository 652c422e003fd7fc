require ["vnd.dovecot.pipe", "vnd.dovecot.execute", "encoded-character"];

# 1: CR LF in an argument
pipe "sink" ["ok", "line${hex:0d 0a}break"];
# 2: NUL-free but other control characters are refused too
execute "sink" "bell${hex:07}";
