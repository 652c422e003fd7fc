# RFC 3894 §3: fileinto [":copy"] <folder>: the tag appears at most once.
require ["copy", "fileinto"];
fileinto :copy :copy "incoming";
