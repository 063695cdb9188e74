/// A policy: every certificate the plan issues must be valid for at least a given time.
///
/// A certificate without `duration` gets cert-manager's default of 90 days (`2160h`).
public struct MinimumCertificateDuration: PlanPolicy {
    /// The shortest validity allowed.
    public var minimum: GoDuration

    /// cert-manager's default certificate duration, 90 days.
    public static let certManagerDefault = GoDuration(seconds: 2160 * 3600)

    /// The policy's name, `minimum-certificate-duration`.
    public var name: String { "minimum-certificate-duration" }

    /// Creates the policy.
    ///
    /// - Parameter minimum: The shortest validity allowed.
    public init(_ minimum: GoDuration) {
        self.minimum = minimum
    }

    /// A violation for each desired certificate whose duration is shorter than ``minimum``.
    public func violations(in context: PolicyContext) -> [PolicyViolation] {
        guard let certificates = context.plan.desiredTLS?.certificates else { return [] }
        var found: [PolicyViolation] = []
        for certificate in certificates {
            let duration = certificate.duration ?? Self.certManagerDefault
            guard duration < minimum else { continue }
            found.append(
                violation(
                    "certificate \(certificate.alias) would be valid for \(duration.canonical), "
                        + "less than \(minimum.canonical)"))
        }
        return found
    }
}
