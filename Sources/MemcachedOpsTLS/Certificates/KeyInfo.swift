import COpenSSL

/// The type and size of a key: what a certificate's public key or a private key is.
///
/// It describes the key without holding any of it, so it is safe to print and log.
public struct KeyInfo: Sendable, Hashable {
    /// A public-key algorithm.
    public struct Algorithm: Hashable, Sendable, CustomStringConvertible {
        /// OpenSSL's short name of the algorithm, such as `RSA` or `EC`.
        public let rawValue: String

        /// RSA.
        public static let rsa = Algorithm(rawValue: "RSA")
        /// RSA restricted to PSS signatures.
        public static let rsaPSS = Algorithm(rawValue: "RSA-PSS")
        /// Elliptic curve keys (ECDSA, ECDH).
        public static let ec = Algorithm(rawValue: "EC")
        /// Ed25519.
        public static let ed25519 = Algorithm(rawValue: "ED25519")
        /// Ed448.
        public static let ed448 = Algorithm(rawValue: "ED448")
        /// DSA.
        public static let dsa = Algorithm(rawValue: "DSA")

        /// The algorithm's name.
        public var description: String { rawValue }
    }

    /// The algorithm.
    public let algorithm: Algorithm

    /// The key size in bits: the modulus for RSA, the field for elliptic curves.
    public let bits: Int

    /// For elliptic curve keys, the curve's NIST name such as `P-256` (or OpenSSL's group
    /// name for curves NIST does not name); `nil` for other keys.
    public let curve: String?

    /// Creates a description of a key.
    ///
    /// - Parameters:
    ///   - algorithm: The algorithm.
    ///   - bits: The size in bits.
    ///   - curve: The curve, for elliptic curve keys.
    public init(algorithm: Algorithm, bits: Int, curve: String? = nil) {
        self.algorithm = algorithm
        self.bits = bits
        self.curve = curve
    }

    /// Describes an `EVP_PKEY`, which the caller keeps owning.
    init(_ key: OpaquePointer) {
        let id = EVP_PKEY_get_base_id(key)
        switch id {
        case EVP_PKEY_RSA: algorithm = .rsa
        case EVP_PKEY_RSA_PSS: algorithm = .rsaPSS
        case EVP_PKEY_EC: algorithm = .ec
        case EVP_PKEY_ED25519: algorithm = .ed25519
        case EVP_PKEY_ED448: algorithm = .ed448
        case EVP_PKEY_DSA: algorithm = .dsa
        default:
            let name = OBJ_nid2sn(id).map { String(cString: $0) }
            algorithm = Algorithm(rawValue: name ?? "unknown")
        }
        bits = Int(EVP_PKEY_get_bits(key))
        curve = id == EVP_PKEY_EC ? Self.curveName(key) : nil
    }

    private static func curveName(_ key: OpaquePointer) -> String? {
        var buffer = [CChar](repeating: 0, count: 80)
        var length = 0
        guard EVP_PKEY_get_group_name(key, &buffer, buffer.count, &length) == 1 else {
            OpenSSLErrorQueue.clear()
            return nil
        }
        let group = CText.string(buffer.prefix(length))
        let nid = OBJ_txt2nid(group)
        if nid != NID_undef, let nist = EC_curve_nid2nist(nid) {
            return String(cString: nist)
        }
        return group
    }
}

extension KeyInfo: CustomStringConvertible {
    /// Such as `EC P-256` or `RSA 2048`.
    public var description: String {
        if let curve { return "\(algorithm) \(curve)" }
        return "\(algorithm) \(bits)"
    }
}
