# RFC 5229 §6: "References to higher indices than those the implementation
# supports MUST be treated as a syntax error".
require ["variables", "fileinto"];
if header :matches "subject" "*" {
	fileinto "lists.${99999}";
}
