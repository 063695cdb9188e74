#if canImport(Glibc)
    @preconcurrency import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The process's real standard output and standard error, line buffered.
public struct StandardIO: CommandIO {
    /// Creates the standard streams and sets standard output to line buffering, so that
    /// output written before a crash or a kill is not lost.
    public init() {
        setvbuf(stdout, nil, _IOLBF, 0)
    }

    /// Writes to standard output.
    public func out(_ text: String) {
        fputs(text, stdout)
    }

    /// Writes to standard error.
    public func err(_ text: String) {
        fflush(stdout)
        fputs(text, stderr)
    }
}
