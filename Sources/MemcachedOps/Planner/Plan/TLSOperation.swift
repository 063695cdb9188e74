/// The kind of TLS change a `ReconfigureTLS` request asks for, as the planner recognises it.
///
/// The planner recognises the operation from the request's `spec.tls` and the database's
/// `spec.tls`: `remove` is ``removeTLS``; `rotateCertificates` is ``rotateCertificates``; an
/// issuer or certificates for a database without TLS is ``addTLS``; an issuer that differs
/// from the database's is ``changeIssuer``; anything else is ``updateCertificates``.
public enum TLSOperation: String, Sendable, Hashable, Codable, CaseIterable,
    CustomStringConvertible
{
    /// Switch TLS on: issue the certificates and restart every pod with TLS.
    case addTLS = "AddTLS"
    /// Re-issue every certificate from the same issuer and settings.
    case rotateCertificates = "RotateCertificates"
    /// Issue every certificate from a different issuer.
    case changeIssuer = "ChangeIssuer"
    /// Change certificate settings (names, subject, duration) with the same issuer.
    case updateCertificates = "UpdateCertificates"
    /// Switch TLS off: restart every pod without TLS and delete the certificates.
    case removeTLS = "RemoveTLS"

    /// The operation's name, such as `AddTLS`.
    public var description: String { rawValue }

    /// Whether the operation switches TLS on or off, so that pods must restart.
    public var switchesTLS: Bool { self == .addTLS || self == .removeTLS }
}
