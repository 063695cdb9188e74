/// A certificate fresh from a ``CertificateAuthority``, with its new private key.
public struct IssuedCertificate: Sendable {
    /// The new certificate.
    public let certificate: Certificate

    /// Its private key.
    public let privateKey: PrivateKey

    /// How the key is to be written, from the request.
    public let privateKeyEncoding: PrivateKeyEncoding

    /// The certificate followed by the intermediates between it and the root CA, as
    /// `tls.crt` holds them.
    public let chain: [Certificate]

    /// The CA certificate clients trust, as `ca.crt` holds it.
    public let caCertificate: Certificate

    /// Writes `tls.crt`, `tls.key` (mode `0600`) and `ca.crt` into `directory`, each by
    /// atomic rename.
    ///
    /// - Parameter directory: The directory, created when missing.
    /// - Returns: The files written.
    /// - Throws: ``CertificateError`` with code `unwritableFile` or `encodingFailed`.
    @discardableResult
    public func write(to directory: String) throws(CertificateError) -> TLSSecretFiles {
        let files = TLSSecretFiles(directory: directory)
        try files.write(
            chain: chain, privateKey: privateKey, encoding: privateKeyEncoding,
            ca: [caCertificate])
        return files
    }
}
