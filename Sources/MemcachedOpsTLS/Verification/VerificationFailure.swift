/// One reason a certificate does not verify.
public struct VerificationFailure: Sendable, Hashable {
    /// Why verification failed.
    ///
    /// Reasons are static constants rather than enum cases so that new ones can be added
    /// without breaking code that switches over them.
    public struct Reason: Hashable, Sendable, CustomStringConvertible {
        /// The reason's name, such as `expired`.
        public let rawValue: String

        /// Creates a reason.
        ///
        /// - Parameter rawValue: The reason's name.
        public init(rawValue: String) {
            self.rawValue = rawValue
        }

        /// A certificate's validity period ended before the time of verification.
        public static let expired = Reason(rawValue: "expired")
        /// A certificate's validity period starts after the time of verification.
        public static let notYetValid = Reason(rawValue: "not yet valid")
        /// The certificate does not name the host or IP address.
        public static let hostMismatch = Reason(rawValue: "host mismatch")
        /// The chain does not lead to a trusted CA.
        public static let unknownIssuer = Reason(rawValue: "unknown issuer")
        /// The private key is not the certificate's key.
        public static let keyMismatch = Reason(rawValue: "key mismatch")
        /// A signature in the chain is wrong.
        public static let invalidSignature = Reason(rawValue: "invalid signature")
        /// A certificate that issued another is not allowed to act as a CA.
        public static let invalidCA = Reason(rawValue: "invalid CA")
        /// The certificate may not be used for the purpose at hand, such as a TLS server.
        public static let invalidPurpose = Reason(rawValue: "invalid purpose")
        /// A certificate or key could not be read at all.
        public static let unreadable = Reason(rawValue: "unreadable")
        /// Any other failure OpenSSL reports; the detail says which.
        public static let other = Reason(rawValue: "other")

        /// The reason's name.
        public var description: String { rawValue }
    }

    /// Why verification failed.
    public let reason: Reason

    /// The position in the chain of the certificate that failed, 0 for the certificate
    /// itself; `nil` when the failure is not about one certificate.
    public let depth: Int?

    /// What failed, in words, such as which certificate expired and when.
    public let detail: String

    /// OpenSSL's `X509_V_ERR_*` code, when OpenSSL reported the failure.
    public let openSSLCode: Int32?

    /// Creates a failure.
    ///
    /// - Parameters:
    ///   - reason: Why verification failed.
    ///   - depth: The position in the chain of the certificate that failed.
    ///   - detail: What failed, in words.
    ///   - openSSLCode: OpenSSL's `X509_V_ERR_*` code, if any.
    public init(_ reason: Reason, depth: Int? = nil, detail: String, openSSLCode: Int32? = nil) {
        self.reason = reason
        self.depth = depth
        self.detail = detail
        self.openSSLCode = openSSLCode
    }
}

extension VerificationFailure: CustomStringConvertible {
    /// The reason and the detail, such as `expired: the certificate CN=x expired at ...`.
    public var description: String { "\(reason): \(detail)" }
}
