/// Stand-ins for the SHA-256 fingerprints and keys of simulated certificates: 64 lowercase
/// hex digits derived from a text, the same on every run.
///
/// Not cryptographic: four rounds of 64-bit FNV-1a with different offsets.
enum SimulatedDigest {
    /// A fingerprint-shaped digest of `text`: 64 lowercase hex digits.
    static func hex(_ text: String) -> String {
        var digits = ""
        digits.reserveCapacity(64)
        for round in 0..<4 {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325 &+ UInt64(round) &* 0x9E37_79B9_7F4A_7C15
            for byte in text.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
            let part = String(hash, radix: 16)
            digits += String(repeating: "0", count: 16 - part.count) + part
        }
        return digits
    }
}
