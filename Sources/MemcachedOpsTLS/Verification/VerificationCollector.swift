#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import COpenSSL

/// Collects every error OpenSSL's chain verification reports, through a callback that
/// records the error and tells OpenSSL to go on.
///
/// It lives for one synchronous `X509_verify_cert` call on one thread.
final class VerificationCollector {
    /// The failures found so far.
    var failures: [VerificationFailure] = []

    /// The `X509_STORE_CTX` ex-data slot that points at the collector: slot 0, the
    /// application's slot (what `X509_STORE_CTX_set_app_data` uses).
    static let exDataIndex: Int32 = 0

    /// The verification callback: records a failure and returns 1 so OpenSSL continues.
    static let callback: X509_STORE_CTX_verify_cb = { ok, context in
        guard ok == 0, let context,
            let raw = X509_STORE_CTX_get_ex_data(context, exDataIndex)
        else { return ok }
        let collector = Unmanaged<VerificationCollector>.fromOpaque(raw).takeUnretainedValue()
        collector.record(context)
        return 1
    }

    private func record(_ context: OpaquePointer) {
        let code = X509_STORE_CTX_get_error(context)
        let depth = Int(X509_STORE_CTX_get_error_depth(context))
        let certificate = X509_STORE_CTX_get_current_cert(context)
            .flatMap(X509Handle.retaining)
            .flatMap { try? Certificate(handle: $0) }
        let failure = Self.failure(code: code, depth: depth, certificate: certificate)
        let duplicate = failures.contains { $0.reason == failure.reason && $0.depth == depth }
        if !duplicate {
            failures.append(failure)
        }
    }

    /// The failure for OpenSSL's verification error `code`, about `certificate` at `depth`.
    static func failure(
        code: Int32, depth: Int?, certificate: Certificate?
    ) -> VerificationFailure {
        let text =
            X509_verify_cert_error_string(Int(code)).map { String(cString: $0) }
            ?? "error \(code)"
        let subject =
            certificate.map(CertificateVerifier.name)
            ?? depth.map { "at depth \($0)" } ?? "presented"
        switch code {
        case X509_V_ERR_CERT_HAS_EXPIRED:
            if let certificate { return expired(certificate, depth: depth) }
            return VerificationFailure(.expired, depth: depth, detail: text, openSSLCode: code)
        case X509_V_ERR_CERT_NOT_YET_VALID:
            if let certificate { return notYetValid(certificate, depth: depth) }
            return VerificationFailure(
                .notYetValid, depth: depth, detail: text, openSSLCode: code)
        case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT, X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY,
            X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE, X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT,
            X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
            let issuer = certificate.map { "'\($0.issuer.rfc2253)'" } ?? "an issuer"
            return VerificationFailure(
                .unknownIssuer, depth: depth,
                detail: "the certificate \(subject) was issued by \(issuer), which is not a "
                    + "trusted CA (\(text))",
                openSSLCode: code)
        case X509_V_ERR_HOSTNAME_MISMATCH, X509_V_ERR_IP_ADDRESS_MISMATCH:
            return VerificationFailure(
                .hostMismatch, depth: depth, detail: "\(text) (\(subject))", openSSLCode: code)
        case X509_V_ERR_CERT_SIGNATURE_FAILURE, X509_V_ERR_UNABLE_TO_DECRYPT_CERT_SIGNATURE,
            X509_V_ERR_UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY:
            return VerificationFailure(
                .invalidSignature, depth: depth,
                detail: "the signature on the certificate \(subject) is wrong (\(text))",
                openSSLCode: code)
        case X509_V_ERR_INVALID_CA, X509_V_ERR_PATH_LENGTH_EXCEEDED:
            return VerificationFailure(
                .invalidCA, depth: depth, detail: "\(text) (\(subject))", openSSLCode: code)
        case X509_V_ERR_INVALID_PURPOSE:
            return VerificationFailure(
                .invalidPurpose, depth: depth, detail: "\(text) (\(subject))", openSSLCode: code)
        default:
            return VerificationFailure(
                .other, depth: depth, detail: "\(text) (\(subject))", openSSLCode: code)
        }
    }

    /// The failure for `certificate` having expired.
    static func expired(_ certificate: Certificate, depth: Int?) -> VerificationFailure {
        let role = (depth ?? 0) == 0 ? "certificate" : "issuing certificate"
        return VerificationFailure(
            .expired, depth: depth,
            detail: "the \(role) \(CertificateVerifier.name(certificate)) expired at "
                + RFC3339.format(certificate.notAfter),
            openSSLCode: X509_V_ERR_CERT_HAS_EXPIRED)
    }

    /// The failure for `certificate` not being valid yet.
    static func notYetValid(_ certificate: Certificate, depth: Int?) -> VerificationFailure {
        let role = (depth ?? 0) == 0 ? "certificate" : "issuing certificate"
        return VerificationFailure(
            .notYetValid, depth: depth,
            detail: "the \(role) \(CertificateVerifier.name(certificate)) is not valid before "
                + RFC3339.format(certificate.notBefore),
            openSSLCode: X509_V_ERR_CERT_NOT_YET_VALID)
    }
}
