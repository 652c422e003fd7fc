# RFC 5183 §4: environment takes a name and a key list.
require "environment";
if environment "location" { keep; }
