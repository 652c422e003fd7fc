# RFC 5229 §3: "References to namespaces without a prior require statement
# for the relevant extension MUST cause an error."
require ["variables", "fileinto"];
fileinto "${frop.folder}";
