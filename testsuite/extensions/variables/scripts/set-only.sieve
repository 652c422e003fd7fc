# Helper for set.svtest: a script that only sets variables.
require "variables";
set "a" "1";
set :upper "b" "two";
set :length "c" "${a}${b}";
