require ["include", "variables", "fileinto"];
global "folder";
if header :matches "list-id" "*<*.example.org>*" {
  set "folder" "Lists/${2}";
  return;
}
set "folder" "Other";
