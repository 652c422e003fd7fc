# RFC 5228 §5.4: the example, and the envelope recipient that delivered the
# message (see args: the list server sent it to bob+lists@example.org).
require ["envelope", "subaddress", "fileinto"];

if envelope :all :is "from" "tim@example.com" {
   discard;
   stop;
}
if envelope :detail "to" "lists" {
   fileinto "Lists";
}
