require "enotify";

notify "mailto:carol@example.com%2Cdave@example.com";
notify "mailto:carol@example.com?cc=erin@example.com";
