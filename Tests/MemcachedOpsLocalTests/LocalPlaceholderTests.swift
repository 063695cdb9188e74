// Replaced by the local fleet's tests.
