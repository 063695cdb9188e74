/// What to put in a new certificate: subject, names, lifetime and key.
///
/// The fields follow KubeDB's `CertificateSpec` (subject fields, `dnsNames`, `ipAddresses`,
/// `uris`, `emailAddresses`, `duration`, `privateKey.encoding`), so a caller maps a spec
/// onto a request field by field. Every field has a default except the names.
///
/// ```swift
/// let request = CertificateRequest(
///     commonName: "mc", dnsNames: ["mc.demo.svc"], ipAddresses: ["127.0.0.1"])
/// let issued = try authority.issue(request)
/// ```
public struct CertificateRequest: Sendable, Hashable {
    /// The lifetime cert-manager gives a certificate when none is asked for: 90 days.
    public static let defaultDuration: Duration = .seconds(2160 * 3600)

    /// The subject's common name (`CN`).
    public var commonName: String?
    /// The subject's organizations (`O`).
    public var organizations: [String]
    /// The subject's organizational units (`OU`).
    public var organizationalUnits: [String]
    /// The subject's countries (`C`), two-letter codes.
    public var countries: [String]
    /// The subject's localities (`L`).
    public var localities: [String]
    /// The subject's provinces or states (`ST`).
    public var provinces: [String]
    /// The subject's street addresses (`street`).
    public var streetAddresses: [String]
    /// The subject's postal codes (`postalCode`).
    public var postalCodes: [String]
    /// The subject's `serialNumber` attribute (not the certificate's serial number).
    public var serialNumber: String?
    /// DNS names, such as `mc.demo.svc` or `*.mc-pods.demo.svc`.
    public var dnsNames: [String]
    /// IPv4 or IPv6 addresses, as text.
    public var ipAddresses: [String]
    /// URIs.
    public var uris: [String]
    /// E-mail addresses.
    public var emailAddresses: [String]
    /// How long the certificate is valid, from its start.
    public var duration: Duration
    /// The kind of key to generate.
    public var keyAlgorithm: KeyAlgorithm
    /// How the key is written to `tls.key`.
    public var privateKeyEncoding: PrivateKeyEncoding
    /// Whether the certificate is a CA that may sign other certificates.
    public var isCA: Bool

    /// Creates a request.
    ///
    /// - Parameters:
    ///   - commonName: The subject's common name.
    ///   - organizations: The subject's organizations.
    ///   - organizationalUnits: The subject's organizational units.
    ///   - countries: The subject's countries.
    ///   - localities: The subject's localities.
    ///   - provinces: The subject's provinces.
    ///   - streetAddresses: The subject's street addresses.
    ///   - postalCodes: The subject's postal codes.
    ///   - serialNumber: The subject's `serialNumber` attribute.
    ///   - dnsNames: DNS names.
    ///   - ipAddresses: IP addresses.
    ///   - uris: URIs.
    ///   - emailAddresses: E-mail addresses.
    ///   - duration: The lifetime; 90 days by default.
    ///   - keyAlgorithm: The key to generate; ECDSA P-256 by default.
    ///   - privateKeyEncoding: How to write the key; PKCS#1 by default, as KubeDB does.
    ///   - isCA: Whether the certificate is a CA.
    public init(
        commonName: String? = nil,
        organizations: [String] = [],
        organizationalUnits: [String] = [],
        countries: [String] = [],
        localities: [String] = [],
        provinces: [String] = [],
        streetAddresses: [String] = [],
        postalCodes: [String] = [],
        serialNumber: String? = nil,
        dnsNames: [String] = [],
        ipAddresses: [String] = [],
        uris: [String] = [],
        emailAddresses: [String] = [],
        duration: Duration = CertificateRequest.defaultDuration,
        keyAlgorithm: KeyAlgorithm = .ecdsaP256,
        privateKeyEncoding: PrivateKeyEncoding = .pkcs1,
        isCA: Bool = false
    ) {
        self.commonName = commonName
        self.organizations = organizations
        self.organizationalUnits = organizationalUnits
        self.countries = countries
        self.localities = localities
        self.provinces = provinces
        self.streetAddresses = streetAddresses
        self.postalCodes = postalCodes
        self.serialNumber = serialNumber
        self.dnsNames = dnsNames
        self.ipAddresses = ipAddresses
        self.uris = uris
        self.emailAddresses = emailAddresses
        self.duration = duration
        self.keyAlgorithm = keyAlgorithm
        self.privateKeyEncoding = privateKeyEncoding
        self.isCA = isCA
    }

    /// The subject's attributes in the order Go's `pkix.Name` writes them, as cert-manager
    /// issues them: C, ST, L, street, postalCode, O, OU, CN, serialNumber.
    var subjectAttributes: [(type: String, value: String)] {
        var attributes: [(String, String)] = []
        attributes += countries.map { ("C", $0) }
        attributes += provinces.map { ("ST", $0) }
        attributes += localities.map { ("L", $0) }
        attributes += streetAddresses.map { ("street", $0) }
        attributes += postalCodes.map { ("postalCode", $0) }
        attributes += organizations.map { ("O", $0) }
        attributes += organizationalUnits.map { ("OU", $0) }
        if let commonName { attributes.append(("CN", commonName)) }
        if let serialNumber { attributes.append(("serialNumber", serialNumber)) }
        return attributes
    }

    /// Whether the request names anything in its subject alternative names.
    var hasAlternativeNames: Bool {
        !(dnsNames.isEmpty && ipAddresses.isEmpty && uris.isEmpty && emailAddresses.isEmpty)
    }

    /// Checks what can be checked before any key is generated.
    ///
    /// - Throws: ``CertificateError`` with code `invalidRequest`.
    func validate() throws(CertificateError) {
        guard duration > .zero else {
            throw CertificateError(.invalidRequest, detail: "the duration must be positive")
        }
        guard !subjectAttributes.isEmpty || hasAlternativeNames else {
            throw CertificateError(
                .invalidRequest, detail: "the certificate needs a subject or at least one name")
        }
        for address in ipAddresses where !IPAddress.isAddress(address) {
            throw CertificateError(.invalidRequest, detail: "'\(address)' is not an IP address")
        }
        for name in dnsNames + uris + emailAddresses
        where name.isEmpty || !name.unicodeScalars.allSatisfy(\.isASCII) {
            throw CertificateError(
                .invalidRequest, detail: "'\(name)' is not an ASCII name (IA5String)")
        }
    }
}
