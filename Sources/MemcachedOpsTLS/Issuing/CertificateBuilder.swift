#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import COpenSSL
import COpenSSLShims

/// Builds and signs X.509 version 3 certificates.
enum CertificateBuilder {
    /// The certificate that signs, with its key; `nil` certificate for a self-signed one.
    struct Signer {
        /// The issuing certificate, or `nil` when the new certificate signs itself.
        let certificate: Certificate?
        /// The key that signs.
        let privateKey: PrivateKey
    }

    /// Builds a certificate for `subjectKey` as `request` asks, valid from `notBefore`, and
    /// signs it.
    ///
    /// - Throws: ``CertificateError`` with code `invalidRequest` or `issuingFailed`.
    static func build(
        _ request: CertificateRequest,
        subjectKey: PrivateKey,
        signer: Signer,
        notBefore: Date
    ) throws(CertificateError) -> Certificate {
        try request.validate()
        OpenSSLErrorQueue.clear()
        guard let pointer = X509_new() else {
            throw CertificateError.openSSL(.outOfMemory, "cannot make a certificate")
        }
        let handle = X509Handle(taking: pointer)

        try check(X509_set_version(pointer, Int(X509_VERSION_3)), "set the version")
        try setSerialNumber(pointer)
        try setValidity(pointer, from: notBefore, for: request.duration)
        try setSubject(pointer, request.subjectAttributes)
        let issuerName =
            signer.certificate.map { X509_get_subject_name($0.handle.pointer) }
            ?? X509_get_subject_name(pointer)
        try check(X509_set_issuer_name(pointer, issuerName), "set the issuer name")
        try check(X509_set_pubkey(pointer, subjectKey.handle.pointer), "set the public key")

        try addExtensions(pointer, request, issuer: signer.certificate?.handle.pointer)
        try addAlternativeNames(pointer, request)

        let digest = signsWithoutDigest(signer.privateKey) ? nil : EVP_sha256()
        guard X509_sign(pointer, signer.privateKey.handle.pointer, digest) > 0 else {
            throw CertificateError.openSSL(.issuingFailed, "cannot sign the certificate")
        }
        return try Certificate(handle: handle)
    }

    private static func check(_ result: Int32, _ step: String) throws(CertificateError) {
        guard result == 1 else {
            throw CertificateError.openSSL(.issuingFailed, "cannot \(step)")
        }
    }

    /// A random positive 128-bit serial number, as RFC 5280 and cert-manager use.
    private static func setSerialNumber(_ certificate: OpaquePointer) throws(CertificateError) {
        var bytes = [UInt8](repeating: 0, count: 16)
        try check(RAND_bytes(&bytes, Int32(bytes.count)), "make a random serial number")
        bytes[0] = (bytes[0] & 0x7f) | 0x40
        guard let number = BN_bin2bn(bytes, Int32(bytes.count), nil) else {
            throw CertificateError.openSSL(.outOfMemory, "cannot make a serial number")
        }
        defer { BN_free(number) }
        guard BN_to_ASN1_INTEGER(number, X509_get_serialNumber(certificate)) != nil else {
            throw CertificateError.openSSL(.issuingFailed, "cannot set the serial number")
        }
    }

    private static func setValidity(
        _ certificate: OpaquePointer, from start: Date, for duration: Duration
    ) throws(CertificateError) {
        let begin = UnixTime.seconds(start)
        let (end, overflow) = begin.addingReportingOverflow(time_t(duration.components.seconds))
        guard begin >= 0, !overflow, end <= UnixTime.latest else {
            throw CertificateError(
                .invalidRequest, detail: "the validity period must lie between 1970 and 9999")
        }
        guard ASN1_TIME_set(X509_getm_notBefore(certificate), begin) != nil,
            ASN1_TIME_set(X509_getm_notAfter(certificate), end) != nil
        else {
            throw CertificateError.openSSL(.issuingFailed, "cannot set the validity period")
        }
    }

    private static func setSubject(
        _ certificate: OpaquePointer, _ attributes: [(type: String, value: String)]
    ) throws(CertificateError) {
        guard let name = X509_NAME_new() else {
            throw CertificateError.openSSL(.outOfMemory, "cannot make a name")
        }
        defer { X509_NAME_free(name) }
        for attribute in attributes {
            let bytes = Array(attribute.value.utf8)
            guard let length = Int32(exactly: bytes.count),
                X509_NAME_add_entry_by_txt(
                    name, attribute.type, mcops_MBSTRING_UTF8(), bytes, length, -1, 0) == 1
            else {
                throw CertificateError.openSSL(
                    .invalidRequest,
                    "the subject attribute \(attribute.type)='\(attribute.value)' is not valid")
            }
        }
        try check(X509_set_subject_name(certificate, name), "set the subject name")
    }

    private static func addExtensions(
        _ certificate: OpaquePointer, _ request: CertificateRequest, issuer: OpaquePointer?
    ) throws(CertificateError) {
        var extensions: [(Int32, String)] = []
        if request.isCA {
            extensions.append((NID_basic_constraints, "critical,CA:TRUE"))
            extensions.append((NID_key_usage, "critical,digitalSignature,keyCertSign,cRLSign"))
        } else {
            extensions.append((NID_basic_constraints, "critical,CA:FALSE"))
            extensions.append((NID_key_usage, "critical,digitalSignature,keyEncipherment"))
            extensions.append((NID_ext_key_usage, "serverAuth,clientAuth"))
        }
        extensions.append((NID_subject_key_identifier, "hash"))
        extensions.append((NID_authority_key_identifier, "keyid:always"))

        var context = X509V3_CTX()
        X509V3_set_ctx(&context, issuer ?? certificate, certificate, nil, nil, 0)
        for (nid, value) in extensions {
            guard let made = X509V3_EXT_conf_nid(nil, &context, nid, value) else {
                throw CertificateError.openSSL(.issuingFailed, "cannot make the extension \(value)")
            }
            defer { X509_EXTENSION_free(made) }
            guard X509_add_ext(certificate, made, -1) == 1 else {
                throw CertificateError.openSSL(.issuingFailed, "cannot add the extension \(value)")
            }
        }
    }

    private static func addAlternativeNames(
        _ certificate: OpaquePointer, _ request: CertificateRequest
    ) throws(CertificateError) {
        guard request.hasAlternativeNames else { return }
        guard let names = mcops_sk_GENERAL_NAME_new_null() else {
            throw CertificateError.openSSL(.outOfMemory, "cannot make a name list")
        }
        defer { mcops_sk_GENERAL_NAME_pop_free(names) }

        for name in request.dnsNames { try append(text: name, type: GEN_DNS, to: names) }
        for address in request.ipAddresses {
            guard let octets = a2i_IPADDRESS(address) else {
                throw CertificateError.openSSL(.invalidRequest, "'\(address)' is not an IP address")
            }
            try append(value: UnsafeMutableRawPointer(octets), type: GEN_IPADD, to: names) {
                ASN1_OCTET_STRING_free(octets)
            }
        }
        for uri in request.uris { try append(text: uri, type: GEN_URI, to: names) }
        for email in request.emailAddresses { try append(text: email, type: GEN_EMAIL, to: names) }

        // With an empty subject, the names are the certificate's identity and RFC 5280
        // requires the extension to be critical.
        let critical: Int32 = request.subjectAttributes.isEmpty ? 1 : 0
        let added = X509_add1_ext_i2d(
            certificate, NID_subject_alt_name, UnsafeMutableRawPointer(names), critical,
            UInt(X509V3_ADD_DEFAULT))
        guard added == 1
        else {
            throw CertificateError.openSSL(.issuingFailed, "cannot add the alternative names")
        }
    }

    private static func append(
        text: String, type: Int32, to names: OpaquePointer
    ) throws(CertificateError) {
        guard let string = ASN1_IA5STRING_new() else {
            throw CertificateError.openSSL(.outOfMemory, "cannot make a name")
        }
        let bytes = Array(text.utf8)
        guard let length = Int32(exactly: bytes.count), ASN1_STRING_set(string, bytes, length) == 1
        else {
            ASN1_IA5STRING_free(string)
            throw CertificateError.openSSL(.outOfMemory, "cannot set a name")
        }
        try append(value: UnsafeMutableRawPointer(string), type: type, to: names) {
            ASN1_IA5STRING_free(string)
        }
    }

    /// Wraps `value` in a `GENERAL_NAME` and pushes it; on failure `release` frees `value`.
    private static func append(
        value: UnsafeMutableRawPointer, type: Int32, to names: OpaquePointer,
        release: () -> Void
    ) throws(CertificateError) {
        guard let name = GENERAL_NAME_new() else {
            release()
            throw CertificateError.openSSL(.outOfMemory, "cannot make a name")
        }
        GENERAL_NAME_set0_value(name, type, value)
        guard mcops_sk_GENERAL_NAME_push(names, name) > 0 else {
            GENERAL_NAME_free(name)
            throw CertificateError.openSSL(.outOfMemory, "cannot add a name")
        }
    }

    /// Whether the key signs without a separate digest (Ed25519, Ed448).
    private static func signsWithoutDigest(_ key: PrivateKey) -> Bool {
        let id = EVP_PKEY_get_base_id(key.handle.pointer)
        return id == EVP_PKEY_ED25519 || id == EVP_PKEY_ED448
    }
}
