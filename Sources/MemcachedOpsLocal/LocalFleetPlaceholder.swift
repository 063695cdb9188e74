// Replaced by the local fleet transport.
