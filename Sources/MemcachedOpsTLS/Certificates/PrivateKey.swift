import COpenSSL

/// A private key: RSA, EC, or any other type OpenSSL reads.
///
/// Read one from PEM (`RSA PRIVATE KEY` as PKCS#1, `EC PRIVATE KEY` as SEC 1, or
/// `PRIVATE KEY` as PKCS#8) or from DER, or generate one. Its description and its errors
/// name the key's type and size only: a key never prints its material, and
/// ``pemEncoded(_:)`` is the one way to get that material out.
public struct PrivateKey: Sendable {
    let handle: PrivateKeyHandle

    /// Wraps an `EVP_PKEY`, taking ownership of the caller's reference.
    init(taking pointer: OpaquePointer) {
        handle = PrivateKeyHandle(taking: pointer)
    }

    /// Reads a private key in PEM form.
    ///
    /// Other blocks, such as certificates in a combined file, are skipped.
    ///
    /// - Parameter pemEncoded: The PEM text.
    /// - Throws: ``CertificateError`` with code `encryptedPrivateKey` for a key protected
    ///   by a passphrase, `malformedPrivateKey` when there is no readable key.
    public init(pemEncoded: String) throws(CertificateError) {
        self = try Self.parsePEM(Array(pemEncoded.utf8))
    }

    /// Reads a private key in DER form, PKCS#8 or the algorithm's own form.
    ///
    /// - Parameter derEncoded: The DER bytes.
    /// - Throws: ``CertificateError`` with code `malformedPrivateKey`.
    public init(derEncoded: [UInt8]) throws(CertificateError) {
        OpenSSLErrorQueue.clear()
        let pointer: OpaquePointer? = derEncoded.withUnsafeBufferPointer { buffer in
            var cursor = buffer.baseAddress
            return d2i_AutoPrivateKey(nil, &cursor, buffer.count)
        }
        guard let pointer else {
            throw CertificateError.openSSL(.malformedPrivateKey, "not a DER private key")
        }
        self.init(taking: pointer)
    }

    /// Reads a private key from `bytes`, which may be PEM or DER.
    ///
    /// - Parameter bytes: The encoded key.
    /// - Returns: The key.
    /// - Throws: ``CertificateError`` as ``init(pemEncoded:)`` and ``init(derEncoded:)``.
    public static func parse(_ bytes: [UInt8]) throws(CertificateError) -> PrivateKey {
        PEMText.looksLikePEM(bytes) ? try parsePEM(bytes) : try PrivateKey(derEncoded: bytes)
    }

    /// Reads the private key in the file at `path`, PEM or DER.
    ///
    /// - Parameter path: The file.
    /// - Returns: The key.
    /// - Throws: ``CertificateError`` naming the file.
    public static func load(contentsOf path: String) throws(CertificateError) -> PrivateKey {
        do {
            return try parse(try FileIO.contents(of: path))
        } catch {
            throw error.path == nil ? error.at(path) : error
        }
    }

    /// Generates a new key.
    ///
    /// - Parameter algorithm: The kind of key.
    /// - Returns: The key.
    /// - Throws: ``CertificateError`` with code `issuingFailed` when OpenSSL fails.
    public static func generate(_ algorithm: KeyAlgorithm) throws(CertificateError) -> PrivateKey {
        OpenSSLErrorQueue.clear()
        let name = algorithm == .ecdsaP256 ? "EC" : "RSA"
        guard let context = EVP_PKEY_CTX_new_from_name(nil, name, nil) else {
            throw CertificateError.openSSL(.issuingFailed, "cannot make a \(name) key context")
        }
        defer { EVP_PKEY_CTX_free(context) }
        guard EVP_PKEY_keygen_init(context) == 1 else {
            throw CertificateError.openSSL(.issuingFailed, "cannot start \(name) key generation")
        }

        let configured: Int32
        switch algorithm {
        case .ecdsaP256: configured = EVP_PKEY_CTX_set_group_name(context, "P-256")
        case .rsa2048: configured = EVP_PKEY_CTX_set_rsa_keygen_bits(context, 2048)
        case .rsa4096: configured = EVP_PKEY_CTX_set_rsa_keygen_bits(context, 4096)
        }
        guard configured == 1 else {
            throw CertificateError.openSSL(.issuingFailed, "cannot configure a \(algorithm) key")
        }

        var key: OpaquePointer?
        guard EVP_PKEY_generate(context, &key) == 1, let key else {
            throw CertificateError.openSSL(.issuingFailed, "cannot generate a \(algorithm) key")
        }
        return PrivateKey(taking: key)
    }

    private static func parsePEM(_ bytes: [UInt8]) throws(CertificateError) -> PrivateKey {
        if PEMText.containsEncryptedPrivateKey(bytes) {
            throw CertificateError(
                .encryptedPrivateKey,
                detail: "the private key is encrypted; passphrases are not supported")
        }
        OpenSSLErrorQueue.clear()
        let pointer = try MemoryBIO.reading(bytes) { bio in
            // A callback that supplies no passphrase, so OpenSSL never prompts on a terminal.
            PEM_read_bio_PrivateKey(bio, nil, { _, _, _, _ in 0 }, nil)
        }
        guard let pointer else {
            throw CertificateError.openSSL(.malformedPrivateKey, "no readable PEM private key")
        }
        return PrivateKey(taking: pointer)
    }
}

extension PrivateKey {
    /// The key's algorithm and size.
    public var info: KeyInfo { KeyInfo(handle.pointer) }

    /// Whether this key is the private half of `certificate`'s public key.
    ///
    /// - Parameter certificate: The certificate to compare with.
    /// - Returns: `true` when the public keys are equal.
    public func matches(_ certificate: Certificate) -> Bool {
        guard let publicKey = X509_get0_pubkey(certificate.handle.pointer) else {
            OpenSSLErrorQueue.clear()
            return false
        }
        let equal = EVP_PKEY_eq(publicKey, handle.pointer) == 1
        OpenSSLErrorQueue.clear()
        return equal
    }

    /// The key as PEM text: this is key material, to be written only to a file of mode
    /// `0600` or to a secret.
    ///
    /// - Parameter encoding: PKCS#1 (the algorithm's own form) or PKCS#8.
    /// - Returns: The PEM bytes, unencrypted.
    /// - Throws: ``CertificateError`` with code `encodingFailed`.
    public func pemEncoded(_ encoding: PrivateKeyEncoding) throws(CertificateError) -> [UInt8] {
        OpenSSLErrorQueue.clear()
        let bytes = MemoryBIO.collecting(secure: true) { bio in
            switch encoding {
            case .pkcs1:
                PEM_write_bio_PrivateKey_traditional(bio, handle.pointer, nil, nil, 0, nil, nil)
                    == 1
            case .pkcs8:
                PEM_write_bio_PrivateKey(bio, handle.pointer, nil, nil, 0, nil, nil) == 1
            }
        }
        guard let bytes else {
            throw CertificateError.openSSL(
                .encodingFailed, "cannot write the \(info) key as \(encoding.rawValue)")
        }
        return bytes
    }
}

extension PrivateKey: CustomStringConvertible, CustomDebugStringConvertible {
    /// The key's type and size, such as `PrivateKey(EC P-256)`; never its material.
    public var description: String { "PrivateKey(\(info))" }

    /// The same as ``description``.
    public var debugDescription: String { description }
}

extension PrivateKey: CustomReflectable {
    /// A mirror that shows only the key's type and size, so `dump` prints no material.
    public var customMirror: Mirror {
        Mirror(self, children: ["info": info], displayStyle: .struct)
    }
}
