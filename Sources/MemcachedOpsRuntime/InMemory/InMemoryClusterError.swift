/// Why an ``InMemoryCluster`` could not read or write something.
///
/// Thrown from the transport methods a reconciler cannot do without (reading a request,
/// writing its status), so it stops the reconciler as a real cluster's outage would.
public struct InMemoryClusterError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Code: String, Sendable, Hashable {
        /// The request is not stored in the cluster; submit it first.
        case requestNotFound
        /// An ``InjectedFault/crashBeforeStatusWrite(afterStep:)`` fault fired.
        case simulatedCrash
    }

    /// What went wrong.
    public var code: Code
    /// The request concerned, as `namespace/name`.
    public var request: String
    /// What went wrong, in a sentence.
    public var message: String

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: What went wrong.
    ///   - request: The request concerned, as `namespace/name`.
    ///   - message: What went wrong, in a sentence.
    public init(_ code: Code, request: String, message: String) {
        self.code = code
        self.request = request
        self.message = message
    }

    /// The code, the request and the message.
    public var description: String { "\(code.rawValue): \(request): \(message)" }
}
