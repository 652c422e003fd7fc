# RFC 5703 §3: foreverypart runs its block for each MIME part, depth first
# (here: the multipart/alternative, its two texts, the .exe, the PDF). The
# nested loop walks only the parts inside the outer loop's current part,
# and its plain break leaves just that inner loop: the outer loop goes on
# and finds the executable. `break :name "parts"` then ends the outer loop,
# so the PDF after it is never looked at and nothing goes to Statements.
require ["foreverypart", "mime", "fileinto"];

foreverypart :name "parts" {
    if header :mime :contenttype "Content-Type" "multipart/alternative" {
        foreverypart {
            if header :mime :contenttype "Content-Type" "text/html" {
                fileinto "HTML-mail";
                break;
            }
        }
    }
    if header :mime :param "filename" :matches "Content-Disposition"
              ["*.exe", "*.scr", "*.pif"] {
        fileinto "Quarantine";
        break :name "parts";
    }
    if header :mime :param "filename" :matches "Content-Disposition" "*.pdf" {
        fileinto "Statements";
    }
}
