#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Syntax checks for names in certificates and references.
enum NameRules {
    /// Whether `text` is an IPv4 address in dotted-quad form or an IPv6 address.
    ///
    /// Like Go's `net.ParseIP`, IPv4 parts with leading zeros are refused.
    static func isIPAddress(_ text: String) -> Bool {
        if text.contains(":") {
            var buffer = in6_addr()
            return inet_pton(AF_INET6, text, &buffer) == 1
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return false }
        return parts.allSatisfy { part in
            guard !part.isEmpty, part.count <= 3, part.allSatisfy(\.isASCIIDigit),
                let value = Int(part), value <= 255
            else { return false }
            return part.count == 1 || part.first != "0"
        }
    }

    /// Whether `text` is an RFC 1123 subdomain, as Kubernetes object names must be.
    static func isDNSSubdomain(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.count <= 253 else { return false }
        return text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy {
            isLabel($0, allowUpperCase: false)
        }
    }

    /// Whether `text` is a DNS name for a certificate: labels of letters, digits and '-',
    /// optionally starting with a `*.` wildcard label.
    static func isDNSName(_ text: String) -> Bool {
        var name = Substring(text)
        if name.hasPrefix("*.") { name = name.dropFirst(2) }
        if name.hasSuffix(".") { name = name.dropLast() }
        guard !name.isEmpty, name.utf8.count <= 253 else { return false }
        return name.split(separator: ".", omittingEmptySubsequences: false).allSatisfy {
            isLabel($0, allowUpperCase: true)
        }
    }

    /// Whether `text` looks like an e-mail address: a local part, '@', and a DNS name.
    static func isEmailAddress(_ text: String) -> Bool {
        guard let at = text.lastIndex(of: "@") else { return false }
        let local = text[..<at]
        let domain = text[text.index(after: at)...]
        return !local.isEmpty && !local.contains(" ") && isDNSName(String(domain))
    }

    /// Whether `text` is an absolute URI: a scheme, ':', and no spaces.
    static func isURI(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":"), !text.contains(" ") else { return false }
        let scheme = text[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
        return scheme.allSatisfy {
            $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0))
        }
            && text.index(after: colon) < text.endIndex
    }

    private static func isLabel(_ label: Substring, allowUpperCase: Bool) -> Bool {
        guard !label.isEmpty, label.utf8.count <= 63, label.first != "-", label.last != "-"
        else { return false }
        return label.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (allowUpperCase && byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "-")
        }
    }
}

extension Character {
    /// Whether this is one of the ASCII digits 0 to 9.
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
