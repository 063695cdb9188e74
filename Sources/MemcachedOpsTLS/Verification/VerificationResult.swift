/// The outcome of verifying a certificate: valid, or every reason it is not.
///
/// Verification returns this value instead of throwing, because an invalid certificate is
/// an answer, not an error.
public struct VerificationResult: Sendable, Hashable {
    /// Every reason the certificate failed, in the order they were found; empty when valid.
    public let failures: [VerificationFailure]

    /// Creates a result.
    ///
    /// - Parameter failures: Every reason verification failed.
    public init(failures: [VerificationFailure]) {
        self.failures = failures
    }

    /// Whether the certificate passed every check.
    public var isValid: Bool { failures.isEmpty }

    /// The distinct reasons, in the order they were first found.
    public var reasons: [VerificationFailure.Reason] {
        var seen: Set<VerificationFailure.Reason> = []
        return failures.map(\.reason).filter { seen.insert($0).inserted }
    }

    /// Whether one of the failures has `reason`.
    ///
    /// - Parameter reason: The reason to look for.
    /// - Returns: `true` when some failure has that reason.
    public func contains(_ reason: VerificationFailure.Reason) -> Bool {
        failures.contains { $0.reason == reason }
    }
}

extension VerificationResult: CustomStringConvertible {
    /// `valid`, or `not valid:` and each failure.
    public var description: String {
        isValid ? "valid" : "not valid: " + failures.map(\.description).joined(separator: "; ")
    }
}
