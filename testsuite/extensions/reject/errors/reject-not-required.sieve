# RFC 5429 §2.2: "Sieve implementations that implement the "reject" action
# must use the "reject" capability string."
reject "No.";
