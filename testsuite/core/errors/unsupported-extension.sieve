# RFC 5228 §2.10.5: requiring an unknown capability is an error.
require ["fileinto", "x-frobnication"];
fileinto "Archive";
