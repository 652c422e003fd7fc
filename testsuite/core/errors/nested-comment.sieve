# RFC 5228 §2.3: bracketed comments do not nest, so the first "*/" ends the
# comment and the second one is stray text.
/* outer /* inner */ still outside */
keep;
