require ["vnd.dovecot.pipe", "vnd.dovecot.filter", "vnd.dovecot.execute", "variables",
         "encoded-character"];

# 1-2: no paths, no way out of the directory
pipe "/bin/sh";
filter "..";
# 3: empty
execute "";
# 4: control character
pipe "tab${hex:09}";
# 5: more than 128 characters
pipe "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
# 6: the name must be constant
set "name" "sink";
pipe "${name}";
