/// A failure to connect to memcached or to run a command on it.
///
/// The error says what failed (``code``), where (``host``, ``port``, ``operation``), and
/// why: the system's or OpenSSL's reason, the verification failure, or the server's reply.
public struct MemcachedClientError: Error, Sendable, Hashable {
    /// What kind of failure this is.
    ///
    /// Codes are static constants rather than enum cases so that new ones can be added
    /// without breaking code that switches over them.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// A short, stable name for the code, such as `connectionRefused`.
        public let rawValue: String

        /// The host name did not resolve.
        public static let hostNotFound = Code(rawValue: "hostNotFound")
        /// Nothing listens on the port: the connection was refused.
        public static let connectionRefused = Code(rawValue: "connectionRefused")
        /// Connecting failed for another reason, such as an unreachable network.
        public static let connectFailed = Code(rawValue: "connectFailed")
        /// An operation did not finish within its timeout.
        public static let timedOut = Code(rawValue: "timedOut")
        /// The TLS handshake failed, for a reason other than verification.
        public static let handshakeFailed = Code(rawValue: "handshakeFailed")
        /// The server's certificate did not verify; see ``verificationFailure``.
        public static let verificationFailed = Code(rawValue: "verificationFailed")
        /// TLS failed after the handshake, such as the server rejecting the client's
        /// certificate (which TLS 1.3 reports on the first read).
        public static let tlsFailure = Code(rawValue: "tlsFailure")
        /// The TLS settings cannot work, such as a client key that is not the client
        /// certificate's key.
        public static let invalidConfiguration = Code(rawValue: "invalidConfiguration")
        /// The server answered `ERROR`: it does not know the command.
        public static let unknownCommand = Code(rawValue: "unknownCommand")
        /// The server answered `CLIENT_ERROR`: the request was malformed.
        public static let clientError = Code(rawValue: "clientError")
        /// The server answered `SERVER_ERROR`, or refused an operation.
        public static let serverError = Code(rawValue: "serverError")
        /// The server answered something the protocol does not allow here.
        public static let unexpectedReply = Code(rawValue: "unexpectedReply")
        /// The key is empty, longer than 250 bytes, or holds spaces or control characters.
        public static let invalidKey = Code(rawValue: "invalidKey")
        /// The connection is closed, by the server or by an earlier failure.
        public static let connectionClosed = Code(rawValue: "connectionClosed")
        /// Reading or writing the socket failed.
        public static let ioFailure = Code(rawValue: "ioFailure")
        /// The task was cancelled.
        public static let cancelled = Code(rawValue: "cancelled")

        /// The code's name.
        public var description: String { rawValue }
    }

    /// What kind of failure this is.
    public let code: Code

    /// The host the client connected to.
    public let host: String

    /// The port the client connected to.
    public let port: Int

    /// What the client was doing, such as `connect`, `TLS handshake` or `get`.
    public let operation: String

    /// Why it failed, in words: the system's reason, the server's reply, and so on.
    public let detail: String

    /// Why the server's certificate failed to verify, for `verificationFailed`.
    public let verificationFailure: VerificationFailure?

    /// OpenSSL's error texts, oldest first.
    public let openSSLErrors: [String]

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: What kind of failure this is.
    ///   - host: The host.
    ///   - port: The port.
    ///   - operation: What the client was doing.
    ///   - detail: Why it failed.
    ///   - verificationFailure: Why the server's certificate failed to verify, if it did.
    ///   - openSSLErrors: OpenSSL's error texts.
    public init(
        _ code: Code, host: String, port: Int, operation: String, detail: String,
        verificationFailure: VerificationFailure? = nil, openSSLErrors: [String] = []
    ) {
        self.code = code
        self.host = host
        self.port = port
        self.operation = operation
        self.detail = detail
        self.verificationFailure = verificationFailure
        self.openSSLErrors = openSSLErrors
    }
}

extension MemcachedClientError: CustomStringConvertible {
    /// Such as `127.0.0.1:11211: TLS handshake: verificationFailed: host mismatch: ...`.
    public var description: String {
        var text = "\(host):\(port): \(operation): \(code): \(detail)"
        if !openSSLErrors.isEmpty {
            text += " (" + openSSLErrors.joined(separator: "; ") + ")"
        }
        return text
    }
}
