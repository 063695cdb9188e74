#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import COpenSSL
import COpenSSLShims

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An X.509 certificate, read from PEM or DER.
///
/// A `Certificate` is an immutable value: its properties read the certificate as it is,
/// and two certificates are equal when their DER encodings are. Read one with
/// ``init(pemEncoded:)`` or ``init(derEncoded:)``, a chain with ``chain(pemEncoded:)``, or a
/// file in either encoding with ``load(contentsOf:)``.
///
/// ```swift
/// let chain = try Certificate.load(contentsOf: "/etc/memcached/tls.crt")
/// print(chain[0].subject.rfc2253, chain[0].notAfter, chain[0].dnsNames)
/// ```
public struct Certificate: Sendable {
    let handle: X509Handle

    /// The certificate's DER encoding.
    public let derEncoded: [UInt8]

    /// Wraps an `X509`, taking ownership of the caller's reference.
    init(taking pointer: OpaquePointer) throws(CertificateError) {
        try self.init(handle: X509Handle(taking: pointer))
    }

    /// Wraps a handle.
    init(handle: X509Handle) throws(CertificateError) {
        self.handle = handle
        let pointer = handle.pointer
        let length = i2d_X509(pointer, nil)
        guard length > 0 else {
            throw CertificateError.openSSL(.encodingFailed, "cannot DER-encode the certificate")
        }
        var bytes = [UInt8](repeating: 0, count: Int(length))
        let written = bytes.withUnsafeMutableBufferPointer { buffer in
            var cursor = buffer.baseAddress
            return i2d_X509(pointer, &cursor)
        }
        guard written == length else {
            throw CertificateError.openSSL(.encodingFailed, "cannot DER-encode the certificate")
        }
        self.derEncoded = bytes
    }

    /// Reads a certificate in DER form.
    ///
    /// - Parameter derEncoded: The DER bytes of exactly one certificate.
    /// - Throws: ``CertificateError`` with code `malformedCertificate` when the bytes are
    ///   not a certificate.
    public init(derEncoded: [UInt8]) throws(CertificateError) {
        OpenSSLErrorQueue.clear()
        let pointer: OpaquePointer? = derEncoded.withUnsafeBufferPointer { buffer in
            var cursor = buffer.baseAddress
            return d2i_X509(nil, &cursor, buffer.count)
        }
        guard let pointer else {
            throw CertificateError.openSSL(.malformedCertificate, "not a DER certificate")
        }
        try self.init(taking: pointer)
    }

    /// Reads the first certificate of a PEM text.
    ///
    /// - Parameter pemEncoded: One or more `CERTIFICATE` blocks; the first is read.
    /// - Throws: ``CertificateError``: `noCertificate` when there is no certificate,
    ///   `privateKeyNotCertificate` when the text holds a private key instead,
    ///   `malformedCertificate` when a block does not parse.
    public init(pemEncoded: String) throws(CertificateError) {
        let chain = try Self.chain(pemEncoded: pemEncoded)
        guard let first = chain.first else {
            throw CertificateError(.noCertificate, detail: "no certificate found")
        }
        self = first
    }

    /// Reads every certificate of a PEM text, such as a chain or a CA bundle, in order.
    ///
    /// Blocks other than certificates (a key in a combined file, for example) are skipped
    /// and never copied into an error.
    ///
    /// - Parameter pemEncoded: The PEM text.
    /// - Returns: The certificates, at least one.
    /// - Throws: ``CertificateError`` as ``init(pemEncoded:)`` does.
    public static func chain(pemEncoded: String) throws(CertificateError) -> [Certificate] {
        try parsePEM(Array(pemEncoded.utf8))
    }

    /// Reads the certificates in `bytes`, which may be PEM (one or more certificates) or
    /// DER (exactly one).
    ///
    /// - Parameter bytes: The encoded certificates.
    /// - Returns: The certificates, at least one.
    /// - Throws: ``CertificateError`` as ``init(pemEncoded:)`` does.
    public static func parse(_ bytes: [UInt8]) throws(CertificateError) -> [Certificate] {
        if PEMText.looksLikePEM(bytes) {
            return try parsePEM(bytes)
        }
        do {
            return [try Certificate(derEncoded: bytes)]
        } catch {
            if (try? PrivateKey(derEncoded: bytes)) != nil {
                throw CertificateError(
                    .privateKeyNotCertificate,
                    detail: "this is a private key, not a certificate")
            }
            throw error
        }
    }

    /// Reads the certificates in the file at `path`, PEM or DER.
    ///
    /// - Parameter path: The file.
    /// - Returns: The certificates in the file's order, at least one.
    /// - Throws: ``CertificateError`` naming the file: `unreadableFile` when it cannot be
    ///   read, otherwise as ``parse(_:)``.
    public static func load(contentsOf path: String) throws(CertificateError) -> [Certificate] {
        do {
            return try parse(try FileIO.contents(of: path))
        } catch {
            throw error.path == nil ? error.at(path) : error
        }
    }

    private static func parsePEM(_ bytes: [UInt8]) throws(CertificateError) -> [Certificate] {
        OpenSSLErrorQueue.clear()
        let pointers: [OpaquePointer] = try MemoryBIO.reading(bytes) { bio in
            var found: [OpaquePointer] = []
            while let pointer = PEM_read_bio_X509(bio, nil, nil, nil) {
                found.append(pointer)
            }
            return found
        }
        let failure = ERR_peek_last_error()
        let endedCleanly = failure == 0 || mcops_ERR_GET_REASON(failure) == PEM_R_NO_START_LINE

        var certificates: [Certificate] = []
        var firstError: CertificateError?
        for pointer in pointers {
            do {
                certificates.append(try Certificate(taking: pointer))
            } catch {
                firstError = firstError ?? error
            }
        }
        if let firstError { throw firstError }
        guard endedCleanly else {
            throw CertificateError.openSSL(
                .malformedCertificate,
                "a PEM certificate block does not parse (after \(certificates.count) good ones)")
        }
        OpenSSLErrorQueue.clear()
        guard !certificates.isEmpty else {
            if PEMText.containsPrivateKey(bytes) {
                throw CertificateError(
                    .privateKeyNotCertificate,
                    detail: "this is a private key, not a certificate")
            }
            throw CertificateError(.noCertificate, detail: "no PEM certificate found")
        }
        return certificates
    }
}

extension Certificate {
    /// The subject: who the certificate is for.
    public var subject: DistinguishedName {
        X509_get_subject_name(handle.pointer).map(DistinguishedName.init) ?? .empty
    }

    /// The issuer: who signed the certificate.
    public var issuer: DistinguishedName {
        X509_get_issuer_name(handle.pointer).map(DistinguishedName.init) ?? .empty
    }

    /// The serial number as lowercase hexadecimal digits, without colons.
    public var serialNumber: String {
        Hex.lowercase(serialNumberBytes)
    }

    /// The serial number's big-endian bytes, without leading zeros.
    public var serialNumberBytes: [UInt8] {
        guard let integer = X509_get0_serialNumber(handle.pointer),
            let number = ASN1_INTEGER_to_BN(integer, nil)
        else { return [] }
        defer { BN_free(number) }
        var bytes = [UInt8](repeating: 0, count: Int((BN_num_bits(number) + 7) / 8))
        let count = BN_bn2bin(number, &bytes)
        return Array(bytes.prefix(Int(max(count, 0))))
    }

    /// The start of the validity period.
    public var notBefore: Date {
        Self.date(X509_get0_notBefore(handle.pointer))
    }

    /// The end of the validity period.
    public var notAfter: Date {
        Self.date(X509_get0_notAfter(handle.pointer))
    }

    /// The DNS names in the subject alternative names, in order.
    public var dnsNames: [String] { alternativeNames(GEN_DNS) }

    /// The IP addresses in the subject alternative names, as text (`10.0.0.1`, `::1`).
    public var ipAddresses: [String] { alternativeNames(GEN_IPADD) }

    /// The URIs in the subject alternative names.
    public var uris: [String] { alternativeNames(GEN_URI) }

    /// The e-mail addresses in the subject alternative names.
    public var emailAddresses: [String] { alternativeNames(GEN_EMAIL) }

    /// Whether the certificate is a CA: its basic constraints say `CA:TRUE`.
    public var isCA: Bool {
        X509_get_extension_flags(handle.pointer) & UInt32(EXFLAG_CA) != 0
    }

    /// Whether the certificate's issuer is its own subject and its own key signed it.
    public var isSelfSigned: Bool {
        X509_check_issued(handle.pointer, handle.pointer) == X509_V_OK
            && X509_verify(handle.pointer, X509_get0_pubkey(handle.pointer)) == 1
    }

    /// The usages in the `keyUsage` extension, or `nil` when there is no such extension
    /// (which allows every usage).
    public var keyUsage: KeyUsage? {
        let bits = X509_get_key_usage(handle.pointer)
        return bits == UInt32.max ? nil : KeyUsage(rawValue: bits)
    }

    /// The purposes in the `extendedKeyUsage` extension, or `nil` when there is none.
    public var extendedKeyUsage: ExtendedKeyUsage? {
        let bits = X509_get_extended_key_usage(handle.pointer)
        return bits == UInt32.max ? nil : ExtendedKeyUsage(rawValue: bits)
    }

    /// The public key's algorithm and size.
    public var publicKey: KeyInfo {
        guard let key = X509_get0_pubkey(handle.pointer) else {
            return KeyInfo(algorithm: KeyInfo.Algorithm(rawValue: "unknown"), bits: 0)
        }
        return KeyInfo(key)
    }

    /// The SHA-256 digest of the DER encoding.
    public var sha256Fingerprint: [UInt8] {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        guard X509_digest(handle.pointer, EVP_sha256(), &digest, &length) == 1 else {
            OpenSSLErrorQueue.clear()
            return []
        }
        return Array(digest.prefix(Int(length)))
    }

    /// The SHA-256 fingerprint as 64 lowercase hexadecimal digits, without colons.
    public var sha256FingerprintHex: String {
        Hex.lowercase(sha256Fingerprint)
    }

    /// The certificate as one PEM `CERTIFICATE` block, ending in a newline.
    public var pemEncoded: String {
        PEMText.encode(derEncoded, label: "CERTIFICATE")
    }

    private func alternativeNames(_ wanted: Int32) -> [String] {
        guard
            let raw = X509_get_ext_d2i(handle.pointer, NID_subject_alt_name, nil, nil)
        else {
            return []
        }
        let names = OpaquePointer(raw)
        defer { mcops_sk_GENERAL_NAME_pop_free(names) }

        var result: [String] = []
        for index in 0..<mcops_sk_GENERAL_NAME_num(names) {
            var type: Int32 = 0
            guard let name = mcops_sk_GENERAL_NAME_value(names, index),
                let value = GENERAL_NAME_get0_value(name, &type), type == wanted
            else { continue }
            let string = value.assumingMemoryBound(to: ASN1_STRING.self)
            let bytes = Self.bytes(string)
            if wanted == GEN_IPADD {
                result.append(IPAddress.text(bytes) ?? Hex.lowercase(bytes))
            } else {
                result.append(String(decoding: bytes, as: UTF8.self))
            }
        }
        return result
    }

    private static func bytes(_ string: UnsafePointer<ASN1_STRING>) -> [UInt8] {
        let count = Int(ASN1_STRING_length(string))
        guard count > 0, let data = ASN1_STRING_get0_data(string) else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: count))
    }

    private static func date(_ time: UnsafePointer<ASN1_TIME>?) -> Date {
        var parts = tm()
        guard let time, ASN1_TIME_to_tm(time, &parts) == 1 else {
            OpenSSLErrorQueue.clear()
            return Date(timeIntervalSince1970: 0)
        }
        return Date(timeIntervalSince1970: TimeInterval(timegm(&parts)))
    }
}

extension Certificate: Hashable {
    /// Whether two certificates have the same DER encoding.
    public static func == (lhs: Certificate, rhs: Certificate) -> Bool {
        lhs.derEncoded == rhs.derEncoded
    }

    /// Hashes the DER encoding.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(derEncoded)
    }
}

extension Certificate: CustomStringConvertible {
    /// The subject, the issuer, the validity period and the fingerprint on one line.
    public var description: String {
        "Certificate(subject: \(subject), issuer: \(issuer), "
            + "notBefore: \(RFC3339.format(notBefore)), notAfter: \(RFC3339.format(notAfter)), "
            + "sha256: \(sha256FingerprintHex))"
    }
}
