# RFC 5183 §4: a script that handles environment items gracefully. An item
# that does not exist makes the test fail, never the script: sieve-test
# supplies no environment items at all, so every test below is false and
# the last rule files the message.
require ["environment", "variables", "fileinto"];

if environment :is "location" "MTA" {
    # Evaluated by the MTA, before delivery: nothing to file yet.
    stop;
}
if environment :contains "remote-host" "" {
    # "remote-host" is known here (possibly empty).
    if environment :matches "remote-host" "*.example.net" {
        fileinto "Partners";
        stop;
    }
}
if not environment :contains "location" "" {
    # The location is unknown to this interpreter.
    fileinto "Unsorted";
}
