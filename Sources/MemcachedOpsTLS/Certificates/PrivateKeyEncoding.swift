/// How a private key is written as PEM, as KubeDB's `privateKey.encoding` names it.
public enum PrivateKeyEncoding: String, Sendable, Hashable, CaseIterable {
    /// The algorithm's own form: `RSA PRIVATE KEY` (PKCS#1) for RSA keys, and for EC keys
    /// the SEC 1 `EC PRIVATE KEY` form. KubeDB's default.
    case pkcs1 = "PKCS1"
    /// The algorithm-independent `PRIVATE KEY` form (PKCS#8), unencrypted.
    case pkcs8 = "PKCS8"
}
