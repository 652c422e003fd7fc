require ["vnd.dovecot.pipe", "vnd.dovecot.filter", "vnd.dovecot.execute", "variables",
         "copy"];

pipe :copy :try "sink" ["a b", "$(not a shell)", "*"];
if filter "tag-subject" { filter "tag-subject" "${1}"; }
if execute :input "${1}" :output "out" "count-lines" ["x"] { set "y" "${out}"; }
execute :pipe "sink";
