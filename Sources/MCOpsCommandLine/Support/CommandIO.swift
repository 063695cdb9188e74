/// Where a command writes its output and its problems.
///
/// The tool writes results to standard output and problems to standard error. Tests pass
/// a capturing instance so they can read both without starting a process.
public protocol CommandIO: Sendable {
    /// Writes `text` to standard output, as is.
    func out(_ text: String)

    /// Writes `text` to standard error, as is.
    func err(_ text: String)
}

extension CommandIO {
    /// Writes one line to standard output.
    func line(_ text: String = "") { out(text + "\n") }

    /// Writes one line to standard error.
    func errorLine(_ text: String) { err(text + "\n") }
}
