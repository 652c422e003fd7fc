# RFC 6609 §3.2: a personal script pulls in the admin's global spam rules and the user's
# list rules; `return` in the list script ends only that script.
require ["include", "variables", "fileinto"];
global "folder";
include :global "spam";
include :once "lists";
include :once "lists";
fileinto "${folder}";
