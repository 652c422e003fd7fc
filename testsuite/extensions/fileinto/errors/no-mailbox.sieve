# RFC 5228 §4.1: fileinto <mailbox: string>.
require "fileinto";
fileinto;
