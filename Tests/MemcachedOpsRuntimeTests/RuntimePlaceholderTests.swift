// Replaced by the runtime's tests.
