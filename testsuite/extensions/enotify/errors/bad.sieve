require "enotify";

# 1: unsupported method
notify "xmpp:carol@example.com";

# 2: bad mailto URI
notify "mailto:carol@example.com?to=dave%23example.com";

# 3: bad :importance
notify :importance "4" "mailto:carol@example.com";

# 4: bad :options
notify :options "=x" "mailto:carol@example.com";

# 5: bad :from
notify :from "carol" "mailto:carol@example.com";
