/// One problem admission found in an object: where, what, and how serious.
public struct Violation: Sendable, Hashable, CustomStringConvertible {
    /// How serious a violation is.
    public enum Severity: String, Sendable, Hashable, Codable {
        /// The object is refused.
        case error
        /// The object is accepted, but something is likely wrong.
        case warning
    }

    /// How serious the violation is.
    public var severity: Severity
    /// The field it concerns, such as `spec.tls.certificates[1].ipAddresses[0]`.
    public var path: FieldPath
    /// What is wrong, in KubeDB's words where KubeDB's webhook has a rule for it.
    public var message: String

    /// Creates a violation.
    public init(_ severity: Severity, _ path: FieldPath, _ message: String) {
        self.severity = severity
        self.path = path
        self.message = message
    }

    /// Whether the object is refused.
    public var isError: Bool { severity == .error }

    /// The violation as `PATH: message`, with `warning: ` before warnings' messages.
    public var description: String {
        severity == .warning ? "\(path): warning: \(message)" : "\(path): \(message)"
    }
}
