# RFC 5228 §2.4.2.4: unicode values D800 to DFFF (surrogates) are an error.
require "encoded-character";
if header :contains "subject" "${Unicode:DF01}" {
	keep;
}
