# RFC 5229 §4.1: :lowerfirst and :upperfirst share precedence 30.
require "variables";
set :upperfirst :lowerfirst "b" "MiXeD";
