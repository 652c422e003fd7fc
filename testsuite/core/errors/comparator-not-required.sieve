# RFC 5228 §2.7.3: comparators other than i;octet and i;ascii-casemap must be
# declared with require.
if header :is :comparator "i;ascii-numeric" "x-score" "42" {
	keep;
}
