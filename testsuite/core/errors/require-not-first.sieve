# RFC 5228 §3.2: require must come before any other command.
keep;
require "fileinto";
fileinto "Archive";
