#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The files of a `kubernetes.io/tls` secret in a directory: `tls.crt`, `tls.key`, `ca.crt`.
///
/// This is the layout KubeDB mounts into a memcached pod and cert-manager writes into a
/// secret: `tls.crt` holds the certificate followed by any intermediates, `tls.key` its
/// private key, `ca.crt` the CA that clients trust. A CA's own secret has the same layout.
///
/// Every file is written by atomic rename, so memcached's `refresh_certs` or a reader never
/// sees half a file; the key is written with mode `0600`, the certificates with `0644`.
public struct TLSSecretFiles: Sendable, Hashable {
    /// The name of the certificate file.
    public static let certificateFileName = "tls.crt"
    /// The name of the private key file.
    public static let privateKeyFileName = "tls.key"
    /// The name of the CA certificate file.
    public static let caFileName = "ca.crt"

    /// The directory that holds the files.
    public let directory: String

    /// Names the files in `directory`; nothing is read or written yet.
    ///
    /// - Parameter directory: The directory.
    public init(directory: String) {
        self.directory = directory
    }

    /// The path of `tls.crt`.
    public var certificatePath: String { FileIO.join(directory, Self.certificateFileName) }

    /// The path of `tls.key`.
    public var privateKeyPath: String { FileIO.join(directory, Self.privateKeyFileName) }

    /// The path of `ca.crt`.
    public var caPath: String { FileIO.join(directory, Self.caFileName) }

    /// Writes the three files, creating the directory (mode `0755`) when it is missing.
    ///
    /// The key is written first and the certificate last, each by atomic rename.
    ///
    /// - Parameters:
    ///   - chain: The certificate and its intermediates, for `tls.crt`.
    ///   - privateKey: The certificate's key, for `tls.key`.
    ///   - encoding: How to write the key.
    ///   - ca: The CA certificates clients trust, for `ca.crt`.
    /// - Throws: ``CertificateError`` with code `unwritableFile` or `encodingFailed`.
    public func write(
        chain: [Certificate], privateKey: PrivateKey, encoding: PrivateKeyEncoding,
        ca: [Certificate]
    ) throws(CertificateError) {
        try createDirectory()
        try FileIO.writeAtomically(
            try privateKey.pemEncoded(encoding), to: privateKeyPath,
            mode: 0o600)
        try FileIO.writeAtomically(Self.pem(ca), to: caPath, mode: 0o644)
        try FileIO.writeAtomically(Self.pem(chain), to: certificatePath, mode: 0o644)
    }

    /// Reads `tls.crt`: the certificate, then any intermediates.
    ///
    /// - Returns: The certificates, at least one.
    /// - Throws: ``CertificateError`` naming the file.
    public func readCertificateChain() throws(CertificateError) -> [Certificate] {
        try Certificate.load(contentsOf: certificatePath)
    }

    /// Reads `tls.key`.
    ///
    /// - Returns: The key.
    /// - Throws: ``CertificateError`` naming the file.
    public func readPrivateKey() throws(CertificateError) -> PrivateKey {
        try PrivateKey.load(contentsOf: privateKeyPath)
    }

    /// Reads `ca.crt`.
    ///
    /// - Returns: The CA certificates, at least one.
    /// - Throws: ``CertificateError`` naming the file.
    public func readCA() throws(CertificateError) -> [Certificate] {
        try Certificate.load(contentsOf: caPath)
    }

    private func createDirectory() throws(CertificateError) {
        var path = directory.hasPrefix("/") ? "" : "."
        for component in directory.split(separator: "/") {
            path += "/" + component
            if mkdir(path, 0o755) != 0 && errno != EEXIST {
                let reason = SystemError.text(errno)
                throw CertificateError(
                    .unwritableFile, path: path, detail: "cannot create the directory: \(reason)")
            }
        }
    }

    private static func pem(_ certificates: [Certificate]) -> [UInt8] {
        Array(certificates.map(\.pemEncoded).joined().utf8)
    }
}
