require ["vacation", "reject"];

# RFC 5230 §4.7: a reply and a refusal would both answer the sender.
vacation "Away.";
reject "Not wanted.";
