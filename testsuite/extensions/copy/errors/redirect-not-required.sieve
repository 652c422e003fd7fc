# RFC 3894 §2: :copy needs require "copy".
redirect :copy "auditor@example.net";
