# RFC 8579 §4: file spam into whatever mailbox has the \Junk attribute, or
# into "Spam" when there is none. sieve-test has no mail store, so no
# mailbox has special-use attributes: specialuse_exists is false and the
# message goes to the named mailbox.
require ["special-use", "fileinto", "mailbox"];

if header :is "X-Spam-Flag" "YES" {
    if specialuse_exists "\\Junk" {
        fileinto :specialuse "\\Junk" "Spam";
    } else {
        fileinto :specialuse "\\Junk" :create "Spam";
    }
    stop;
}
