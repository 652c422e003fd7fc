# RFC 5228 §2.9, §6: "frobnicate" is not a command of the language.
if header :contains "subject" "frob" {
	frobnicate "now";
}
