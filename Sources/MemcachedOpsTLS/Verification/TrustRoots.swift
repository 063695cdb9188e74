/// The CA certificates a verification trusts.
public enum TrustRoots: Sendable, Hashable {
    /// The operating system's CA store, as OpenSSL finds it by default.
    case system
    /// Exactly these certificates, such as the contents of a `ca.crt`.
    case certificates([Certificate])
}
