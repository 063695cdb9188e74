/// The kind of key to generate for a new certificate.
public enum KeyAlgorithm: String, Sendable, Hashable, CaseIterable {
    /// ECDSA on the NIST P-256 curve: small, fast, and the default.
    case ecdsaP256 = "ecdsa-p256"
    /// RSA with a 2048-bit modulus.
    case rsa2048 = "rsa-2048"
    /// RSA with a 4096-bit modulus.
    case rsa4096 = "rsa-4096"
}
