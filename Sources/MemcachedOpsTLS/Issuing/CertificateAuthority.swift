#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A CA certificate with its private key, which issues certificates.
///
/// Create a new self-signed CA with ``create(_:at:)``, or load one from a directory in the
/// `kubernetes.io/tls` layout with ``load(from:)``, then ``issue(_:at:)`` certificates.
///
/// ```swift
/// let authority = try CertificateAuthority.create(CertificateRequest(commonName: "demo CA"))
/// let issued = try authority.issue(CertificateRequest(dnsNames: ["mc.demo.svc"]))
/// try issued.write(to: "/tmp/mc-server")
/// ```
public struct CertificateAuthority: Sendable {
    /// The CA's certificate.
    public let certificate: Certificate

    /// The CA's private key.
    public let privateKey: PrivateKey

    /// The certificates above ``certificate``, nearest first, ending with the root when
    /// the CA is an intermediate; empty for a root CA.
    public let chain: [Certificate]

    /// Pairs a CA certificate with its key.
    ///
    /// - Parameters:
    ///   - certificate: The CA certificate; its basic constraints must say `CA:TRUE`.
    ///   - privateKey: Its private key.
    ///   - chain: The certificates above it, nearest first; empty for a root CA.
    /// - Throws: ``CertificateError`` with code `invalidAuthority` when the key is not the
    ///   certificate's or the certificate is not a CA.
    public init(
        certificate: Certificate, privateKey: PrivateKey, chain: [Certificate] = []
    ) throws(CertificateError) {
        guard certificate.isCA else {
            throw CertificateError(
                .invalidAuthority,
                detail: "the certificate '\(certificate.subject)' is not a CA")
        }
        guard privateKey.matches(certificate) else {
            throw CertificateError(
                .invalidAuthority,
                detail: "the private key (\(privateKey.info)) is not the key of the CA "
                    + "certificate '\(certificate.subject)'")
        }
        self.certificate = certificate
        self.privateKey = privateKey
        self.chain = chain
    }

    /// Creates a new self-signed root CA.
    ///
    /// - Parameters:
    ///   - request: The CA's subject, lifetime and key; `isCA` is implied.
    ///   - notBefore: The start of the validity period; now by default.
    /// - Returns: The CA.
    /// - Throws: ``CertificateError`` with code `invalidRequest` or `issuingFailed`.
    public static func create(
        _ request: CertificateRequest, at notBefore: Date = Date()
    ) throws(CertificateError) -> CertificateAuthority {
        var request = request
        request.isCA = true
        let key = try PrivateKey.generate(request.keyAlgorithm)
        let signer = CertificateBuilder.Signer(certificate: nil, privateKey: key)
        let certificate = try CertificateBuilder.build(
            request, subjectKey: key, signer: signer, notBefore: notBefore)
        return try CertificateAuthority(certificate: certificate, privateKey: key)
    }

    /// Loads a CA from a directory in the `kubernetes.io/tls` layout: `tls.crt` and
    /// `tls.key`, as ``write(to:)`` and cert-manager's CA issuer secrets hold them.
    ///
    /// - Parameter directory: The directory.
    /// - Returns: The CA.
    /// - Throws: ``CertificateError`` naming the file that could not be read, or with
    ///   code `invalidAuthority`.
    public static func load(from directory: String) throws(CertificateError)
        -> CertificateAuthority
    {
        let files = TLSSecretFiles(directory: directory)
        let certificates = try files.readCertificateChain()
        let key = try files.readPrivateKey()
        var chain = Array(certificates.dropFirst())
        if let root = try? files.readCA().first, root != certificates[0], !chain.contains(root) {
            chain.append(root)
        }
        return try CertificateAuthority(
            certificate: certificates[0], privateKey: key, chain: chain)
    }

    /// Issues a certificate with a new key.
    ///
    /// A CA request (`isCA`) gets `keyCertSign` and `cRLSign`; any other gets
    /// `digitalSignature` and `keyEncipherment` with `serverAuth` and `clientAuth`, so the
    /// same certificate serves memcached and its clients.
    ///
    /// - Parameters:
    ///   - request: What to put in the certificate.
    ///   - notBefore: The start of the validity period; now by default.
    /// - Returns: The certificate, its key, and the chain and CA to write beside them.
    /// - Throws: ``CertificateError`` with code `invalidRequest` or `issuingFailed`.
    public func issue(
        _ request: CertificateRequest, at notBefore: Date = Date()
    ) throws(CertificateError) -> IssuedCertificate {
        try request.validate()
        let key = try PrivateKey.generate(request.keyAlgorithm)
        let signer = CertificateBuilder.Signer(certificate: certificate, privateKey: privateKey)
        let issued = try CertificateBuilder.build(
            request, subjectKey: key, signer: signer, notBefore: notBefore)

        return IssuedCertificate(
            certificate: issued, privateKey: key,
            privateKeyEncoding: request.privateKeyEncoding,
            chain: [issued] + (chain.isEmpty ? [] : presentedChain), caCertificate: root)
    }

    /// Writes the CA as a `kubernetes.io/tls` secret holds a CA issuer's key pair:
    /// `tls.crt` (the CA certificate and its chain), `tls.key` (mode `0600`, PKCS#8) and
    /// `ca.crt` (the root).
    ///
    /// - Parameter directory: The directory, created when missing.
    /// - Returns: The files written.
    /// - Throws: ``CertificateError`` with code `unwritableFile` or `encodingFailed`.
    @discardableResult
    public func write(to directory: String) throws(CertificateError) -> TLSSecretFiles {
        let files = TLSSecretFiles(directory: directory)
        try files.write(
            chain: presentedChain, privateKey: privateKey, encoding: .pkcs8, ca: [root])
        return files
    }

    /// The CA certificate and the intermediates above it, without the root: what follows a
    /// certificate it issues in `tls.crt` when the CA is not itself the root.
    private var presentedChain: [Certificate] {
        [certificate] + chain.filter { !$0.isSelfSigned }
    }

    /// The top of the chain, which clients trust as `ca.crt`.
    private var root: Certificate { chain.last ?? certificate }
}
