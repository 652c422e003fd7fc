# RFC 5703 §7: extracttext, as in the RFC's example: for mail from the
# boss, keep the subject and the first 100 characters of the first text
# part. foreverypart visits the multipart/alternative, then its text/plain
# part, where extracttext stores the text decoded (quoted-printable,
# ISO-8859-1 to UTF-8) and cut to 100 characters, and break ends the loop.
# The RFC leaves open what to do with the text (a notification, say); this
# engine has no notify, so debug_log shows it in the trace (see args).
require ["mime", "foreverypart", "variables", "extracttext",
         "vnd.dovecot.debug"];

if header :contains "from" "boss@example.org"
{
  # :matches is used to get the value of the Subject header
  if header :matches "Subject" "*"
  {
    set "subject" "${1}";
  }

  # extract the first 100 characters of the first text/* part
  foreverypart
  {
    if header :mime :type :is "Content-Type" "text"
    {
      extracttext :first 100 "msgcontent";
      break;
    }
  }

  # if it's not a 'for your information' message
  if not header :contains "subject" "FYI:"
  {
    debug_log "${subject}: ${msgcontent}";
  }
}
