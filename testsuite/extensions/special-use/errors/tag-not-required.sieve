# RFC 8579 §4: the :specialuse tag needs require "special-use".
require "fileinto";
fileinto :specialuse "\\Junk" "Spam";
