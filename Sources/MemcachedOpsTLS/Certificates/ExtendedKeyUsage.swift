import COpenSSL

/// The purposes a certificate's `extendedKeyUsage` extension allows.
public struct ExtendedKeyUsage: OptionSet, Sendable, Hashable {
    /// The raw bits, as OpenSSL's `XKU_*` constants define them.
    public let rawValue: UInt32

    /// Creates a set from OpenSSL's `XKU_*` bits.
    ///
    /// - Parameter rawValue: The bits.
    public init(rawValue: UInt32) {
        self.rawValue = rawValue
    }

    /// `serverAuth`: a TLS server.
    public static let serverAuth = ExtendedKeyUsage(rawValue: UInt32(XKU_SSL_SERVER))
    /// `clientAuth`: a TLS client.
    public static let clientAuth = ExtendedKeyUsage(rawValue: UInt32(XKU_SSL_CLIENT))
    /// `emailProtection`.
    public static let emailProtection = ExtendedKeyUsage(rawValue: UInt32(XKU_SMIME))
    /// `codeSigning`.
    public static let codeSigning = ExtendedKeyUsage(rawValue: UInt32(XKU_CODE_SIGN))
    /// `OCSPSigning`.
    public static let ocspSigning = ExtendedKeyUsage(rawValue: UInt32(XKU_OCSP_SIGN))
    /// `timeStamping`.
    public static let timeStamping = ExtendedKeyUsage(rawValue: UInt32(XKU_TIMESTAMP))

    /// Every purpose with its RFC 5280 name.
    static let named: [(ExtendedKeyUsage, String)] = [
        (.serverAuth, "serverAuth"), (.clientAuth, "clientAuth"),
        (.emailProtection, "emailProtection"), (.codeSigning, "codeSigning"),
        (.ocspSigning, "OCSPSigning"), (.timeStamping, "timeStamping"),
    ]

    /// The RFC 5280 names of the purposes in the set, such as `["serverAuth"]`.
    public var names: [String] {
        Self.named.filter { contains($0.0) }.map(\.1)
    }
}

extension ExtendedKeyUsage: CustomStringConvertible {
    /// The purposes' names, separated by commas.
    public var description: String { names.joined(separator: ", ") }
}
