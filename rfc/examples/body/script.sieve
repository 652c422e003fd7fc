# RFC 5173 §5.2 and §5.3: the example scripts of the body extension.
require ["body", "fileinto"];

# This will match a message containing the literal text
# "MAKE MONEY FAST" in body parts (ignoring any
# content-transfer-encodings) or MIME headers other than
# the outermost RFC 2822 header.
if body :raw :contains "MAKE MONEY FAST" {
        discard;
}

# Save any message with any text MIME part that contains the
# words "missile" or "coordinates" in the "secrets" folder.
# (The text part below is base64: :content decodes it.)
if body :content "text" :contains ["missile", "coordinates"] {
        fileinto "secrets";
}

# Save any message with an audio/mp3 MIME part in
# the "jukebox" folder.
if body :content "audio/mp3" :contains "" {
        fileinto "jukebox";
}

# Save messages mentioning the project schedule in the
# project/schedule folder.
if body :text :contains "project schedule" {
        fileinto "project/schedule";
}
