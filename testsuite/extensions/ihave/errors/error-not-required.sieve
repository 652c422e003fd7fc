# RFC 5463 §5: the error command is part of the ihave extension.
error "no ihave";
