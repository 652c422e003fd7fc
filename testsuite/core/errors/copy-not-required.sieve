# RFC 3894 §3 with RFC 5228 §2.10.5: :copy needs require "copy".
require "fileinto";
fileinto :copy "Archive";
