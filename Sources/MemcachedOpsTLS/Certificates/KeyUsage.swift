import COpenSSL

/// The key usages a certificate's `keyUsage` extension allows.
public struct KeyUsage: OptionSet, Sendable, Hashable {
    /// The raw bits, as OpenSSL's `KU_*` constants define them.
    public let rawValue: UInt32

    /// Creates a set from OpenSSL's `KU_*` bits.
    ///
    /// - Parameter rawValue: The bits.
    public init(rawValue: UInt32) {
        self.rawValue = rawValue
    }

    /// `digitalSignature`.
    public static let digitalSignature = KeyUsage(rawValue: UInt32(KU_DIGITAL_SIGNATURE))
    /// `nonRepudiation`, also called `contentCommitment`.
    public static let contentCommitment = KeyUsage(rawValue: UInt32(KU_NON_REPUDIATION))
    /// `keyEncipherment`.
    public static let keyEncipherment = KeyUsage(rawValue: UInt32(KU_KEY_ENCIPHERMENT))
    /// `dataEncipherment`.
    public static let dataEncipherment = KeyUsage(rawValue: UInt32(KU_DATA_ENCIPHERMENT))
    /// `keyAgreement`.
    public static let keyAgreement = KeyUsage(rawValue: UInt32(KU_KEY_AGREEMENT))
    /// `keyCertSign`: the key signs certificates.
    public static let keyCertSign = KeyUsage(rawValue: UInt32(KU_KEY_CERT_SIGN))
    /// `cRLSign`: the key signs revocation lists.
    public static let cRLSign = KeyUsage(rawValue: UInt32(KU_CRL_SIGN))
    /// `encipherOnly`.
    public static let encipherOnly = KeyUsage(rawValue: UInt32(KU_ENCIPHER_ONLY))
    /// `decipherOnly`.
    public static let decipherOnly = KeyUsage(rawValue: UInt32(KU_DECIPHER_ONLY))

    /// Every usage with its RFC 5280 name, in the order the RFC lists them.
    static let named: [(KeyUsage, String)] = [
        (.digitalSignature, "digitalSignature"), (.contentCommitment, "contentCommitment"),
        (.keyEncipherment, "keyEncipherment"), (.dataEncipherment, "dataEncipherment"),
        (.keyAgreement, "keyAgreement"), (.keyCertSign, "keyCertSign"),
        (.cRLSign, "cRLSign"), (.encipherOnly, "encipherOnly"),
        (.decipherOnly, "decipherOnly"),
    ]

    /// The RFC 5280 names of the usages in the set, such as `["digitalSignature"]`.
    public var names: [String] {
        Self.named.filter { contains($0.0) }.map(\.1)
    }
}

extension KeyUsage: CustomStringConvertible {
    /// The usages' names, separated by commas.
    public var description: String { names.joined(separator: ", ") }
}
