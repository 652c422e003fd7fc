# Helper for sizes.svtest: builds a value of 1 MiB (2^20 characters) by
# doubling, then checks it still holds at least 4000 characters.
require ["variables", "relational", "comparator-i;ascii-numeric"];
set "v" "0123456789abcdef";
set "v" "${v}${v}"; set "v" "${v}${v}"; set "v" "${v}${v}"; set "v" "${v}${v}";
set "v" "${v}${v}"; set "v" "${v}${v}"; set "v" "${v}${v}"; set "v" "${v}${v}";
set "v" "${v}${v}"; set "v" "${v}${v}"; set "v" "${v}${v}"; set "v" "${v}${v}";
set "v" "${v}${v}"; set "v" "${v}${v}"; set "v" "${v}${v}"; set "v" "${v}${v}";
set :length "len" "${v}";
if string :value "ge" :comparator "i;ascii-numeric" "${len}" "4000" {
	keep;
}
