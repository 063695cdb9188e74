/// The encoding of a private key: `PKCS1` (KubeDB's default) or `PKCS8`.
public struct PrivateKeyEncoding: OpenEnumeration {
    /// The value's text.
    public var rawValue: String

    /// Creates a value from its text; unknown text is kept as it is.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// PKCS#1 (RSA) or SEC 1 (EC) encoding.
    public static let pkcs1 = PrivateKeyEncoding(rawValue: "PKCS1")

    /// PKCS#8 encoding.
    public static let pkcs8 = PrivateKeyEncoding(rawValue: "PKCS8")

    /// The values this package knows, in the order the API documents them.
    public static let knownValues: [PrivateKeyEncoding] = [.pkcs1, .pkcs8]
}
