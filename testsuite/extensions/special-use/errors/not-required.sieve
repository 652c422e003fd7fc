# RFC 5228 §2.10.5: specialuse_exists needs require "special-use".
if specialuse_exists "\\Junk" { keep; }
