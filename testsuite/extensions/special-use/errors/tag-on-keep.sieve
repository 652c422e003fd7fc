# RFC 8579 §4: :specialuse is an argument of fileinto only.
require "special-use";
keep :specialuse "\\Junk";
