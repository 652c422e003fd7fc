require ["duplicate", "fileinto", "mailbox"];

if duplicate :handle "other" :header "x-ticket" {
	fileinto :create "Dups";
}
