#if canImport(Glibc)
    @preconcurrency import Glibc
#endif

/// Sets standard output to line buffering, so progress shows while benchmarks run.
func useLineBufferedOutput() {
    setvbuf(stdout, nil, _IOLBF, 0)
}
