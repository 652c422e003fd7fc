# RFC 3894 §3: :copy extends fileinto and redirect only.
require "copy";
discard :copy;
