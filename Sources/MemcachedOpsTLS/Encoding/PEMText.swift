/// Recognising and writing PEM text without OpenSSL.
enum PEMText {
    /// Whether `bytes` contain a PEM `-----BEGIN ` line anywhere.
    static func looksLikePEM(_ bytes: [UInt8]) -> Bool {
        contains(bytes, Array("-----BEGIN ".utf8))
    }

    /// Whether `bytes` contain a PEM private key block of any kind (PKCS#1, PKCS#8, EC,
    /// encrypted). Only the marker is looked at; the key itself is never read here.
    static func containsPrivateKey(_ bytes: [UInt8]) -> Bool {
        contains(bytes, Array("PRIVATE KEY-----".utf8))
    }

    /// Whether `bytes` contain an encrypted private key block.
    static func containsEncryptedPrivateKey(_ bytes: [UInt8]) -> Bool {
        contains(bytes, Array("ENCRYPTED PRIVATE KEY-----".utf8))
            || contains(bytes, Array("Proc-Type: 4,ENCRYPTED".utf8))
    }

    /// `der` as one PEM block with `label`, lines of 64 characters, ending in a newline.
    static func encode(_ der: [UInt8], label: String) -> String {
        let body = Base64.encode(der)
        var text = "-----BEGIN \(label)-----\n"
        var index = body.startIndex
        while index < body.endIndex {
            let end = body.index(index, offsetBy: 64, limitedBy: body.endIndex) ?? body.endIndex
            text += body[index..<end] + "\n"
            index = end
        }
        return text + "-----END \(label)-----\n"
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        let first = needle[0]
        var index = 0
        while index <= haystack.count - needle.count {
            if haystack[index] == first
                && haystack[index..<(index + needle.count)].elementsEqual(needle)
            {
                return true
            }
            index += 1
        }
        return false
    }
}
