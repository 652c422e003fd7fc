# RFC 5228 §2.10.5: the ihave test needs require "ihave".
if ihave "fileinto" { keep; }
