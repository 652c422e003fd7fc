# RFC 5490 §3.2: :create is an argument of fileinto only.
require "mailbox";
keep :create;
