import COpenSSL
import COpenSSLShims

/// The subject or issuer name of a certificate.
///
/// A name is an ordered list of attributes, such as `C=DE`, `O=Example`, `CN=memcached`.
/// ``rfc2253`` gives the standard one-line form, most specific attribute first, the way
/// `openssl x509 -noout -subject -nameopt RFC2253` prints it.
public struct DistinguishedName: Sendable, Hashable {
    /// One attribute of a name, such as the common name.
    public struct Attribute: Sendable, Hashable {
        /// The attribute's short name, such as `CN`, `O`, `OU`, `C`, `L`, `ST`, `street`,
        /// `postalCode` or `serialNumber`; the dotted OID when OpenSSL knows no short name.
        public let type: String

        /// The attribute's object identifier in dotted form, such as `2.5.4.3`.
        public let oid: String

        /// The attribute's value as text.
        public let value: String
    }

    /// The attributes in the order the certificate holds them, least specific first.
    public let attributes: [Attribute]

    /// The name as an RFC 2253 string, such as `CN=memcached,O=Example,C=DE`.
    public let rfc2253: String

    /// The values of every attribute of `type`, in order.
    ///
    /// - Parameter type: A short name such as `O`, or a dotted OID.
    /// - Returns: The values; empty when the name has no such attribute.
    public func values(of type: String) -> [String] {
        attributes.filter { $0.type == type || $0.oid == type }.map(\.value)
    }

    /// The last common name (`CN`), which is the one clients look at, if any.
    public var commonName: String? { values(of: "CN").last }

    /// The organizations (`O`).
    public var organizations: [String] { values(of: "O") }

    /// The organizational units (`OU`).
    public var organizationalUnits: [String] { values(of: "OU") }

    /// The countries (`C`).
    public var countries: [String] { values(of: "C") }

    /// A name without attributes.
    static let empty = DistinguishedName(attributes: [], rfc2253: "")

    private init(attributes: [Attribute], rfc2253: String) {
        self.attributes = attributes
        self.rfc2253 = rfc2253
    }

    /// Reads an `X509_NAME`, which the caller keeps owning.
    init(_ name: OpaquePointer) {
        var attributes: [Attribute] = []
        for index in 0..<max(0, X509_NAME_entry_count(name)) {
            guard let entry = X509_NAME_get_entry(name, index),
                let object = X509_NAME_ENTRY_get_object(entry)
            else { continue }
            let oid = Self.dottedText(object)
            let nid = OBJ_obj2nid(object)
            let shortName = nid == NID_undef ? nil : OBJ_nid2sn(nid).map { String(cString: $0) }
            let value = Self.text(X509_NAME_ENTRY_get_data(entry))
            attributes.append(Attribute(type: shortName ?? oid, oid: oid, value: value))
        }
        self.attributes = attributes

        let printed = MemoryBIO.collecting { bio in
            X509_NAME_print_ex(bio, name, 0, mcops_XN_FLAG_RFC2253()) >= 0
        }
        self.rfc2253 = printed.map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    private static func dottedText(_ object: OpaquePointer) -> String {
        var buffer = [CChar](repeating: 0, count: 128)
        let length = OBJ_obj2txt(&buffer, Int32(buffer.count), object, 1)
        guard length > 0 else { return "" }
        return CText.string(buffer)
    }

    private static func text(_ string: UnsafeMutablePointer<ASN1_STRING>?) -> String {
        guard let string else { return "" }
        var output: UnsafeMutablePointer<UInt8>?
        let length = ASN1_STRING_to_UTF8(&output, string)
        guard length >= 0, let output else {
            OpenSSLErrorQueue.clear()
            return ""
        }
        defer { mcops_OPENSSL_free(output) }
        return String(
            decoding: UnsafeBufferPointer(start: output, count: Int(length)),
            as: UTF8.self)
    }
}

extension DistinguishedName: CustomStringConvertible {
    /// The RFC 2253 form.
    public var description: String { rfc2253 }
}
