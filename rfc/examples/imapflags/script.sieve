# imapflags, the deprecated draft (draft-melnikov-sieve-imapflags-03) that
# Pigeonhole offers with "sieve_extensions = +imapflags": the flag commands
# take only a flag list and change the flags every later keep or fileinto
# stores with. The message is from the boss, so it is marked (\Flagged);
# the copy in "Reports" also carries "Work"; the plain keep afterwards has
# only what is left once "Work" is removed again.
require ["imapflags", "fileinto"];

if header :contains "from" "boss@example.com" {
  mark;
}
if header :contains "subject" "report" {
  addflag "Work";
  fileinto "Reports";
  removeflag "Work";
}
keep;
