/// A failure to start a child process.
public struct ChildProcessError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The program that could not be started.
    public let path: String

    /// Why, in the system's words.
    public let detail: String

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - path: The program.
    ///   - detail: Why it could not be started.
    public init(path: String, detail: String) {
        self.path = path
        self.detail = detail
    }

    /// Such as `cannot start /usr/bin/memcached: No such file or directory`.
    public var description: String { "cannot start \(path): \(detail)" }
}
