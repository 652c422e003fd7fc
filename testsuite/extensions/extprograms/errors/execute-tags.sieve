require ["vnd.dovecot.execute"];

# 1: :input and :pipe exclude each other
execute :input "x" :pipe "sink";
# 2: :output needs the variables extension
execute :output "v" "sink";
