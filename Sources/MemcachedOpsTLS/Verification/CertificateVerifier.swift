#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import COpenSSL
import COpenSSLShims

/// Verifies certificates against a set of trusted CAs, for host names, at a given time.
///
/// Verification returns a ``VerificationResult`` that lists every reason a certificate
/// fails (expired, not yet valid, host mismatch, unknown issuer, key mismatch, ...) rather
/// than stopping at the first one or throwing.
///
/// ```swift
/// let verifier = CertificateVerifier(trustRoots: .certificates(caBundle))
/// let result = verifier.verify(chain, hosts: ["mc.demo.svc"], privateKey: key)
/// if !result.isValid { print(result) }
/// ```
public struct CertificateVerifier: Sendable {
    /// The CAs the verifier trusts.
    public let trustRoots: TrustRoots

    /// Creates a verifier.
    ///
    /// - Parameter trustRoots: The CAs to trust.
    public init(trustRoots: TrustRoots) {
        self.trustRoots = trustRoots
    }

    /// Verifies a certificate, with its intermediates, at `time`.
    ///
    /// The chain must lead to one of the trusted CAs; every certificate in it must be valid
    /// at `time`; the first certificate must name each of `hosts` (DNS names, with the
    /// usual `*.` wildcards, or IP addresses); and when `privateKey` is given, it must be
    /// that certificate's key.
    ///
    /// - Parameters:
    ///   - chain: The certificate first, then any intermediates, as a `tls.crt` holds them.
    ///   - hosts: Host names or IP addresses clients use to reach the certificate's owner.
    ///   - privateKey: The key that is meant to go with the certificate, if any.
    ///   - time: The time at which to judge the validity periods.
    /// - Returns: Valid, or every reason the certificate is not.
    public func verify(
        _ chain: [Certificate],
        hosts: [String] = [],
        privateKey: PrivateKey? = nil,
        at time: Date = Date()
    ) -> VerificationResult {
        guard let leaf = chain.first else {
            let failure = VerificationFailure(.unreadable, detail: "no certificate to verify")
            return VerificationResult(failures: [failure])
        }

        var failures = chainFailures(chain, at: time)
        failures += dateFailures(chain, at: time).filter { candidate in
            !failures.contains { $0.reason == candidate.reason && $0.depth == candidate.depth }
        }
        for host in hosts where !leaf.covers(host: host) {
            failures.append(hostMismatch(leaf, host))
        }
        if let privateKey, !privateKey.matches(leaf) {
            failures.append(
                VerificationFailure(
                    .keyMismatch, depth: 0,
                    detail: "the private key (\(privateKey.info)) is not the key of the "
                        + "certificate \(Self.name(leaf)) (\(leaf.publicKey))"))
        }
        return VerificationResult(failures: failures)
    }

    /// Runs OpenSSL's chain verification and collects every error it reports.
    private func chainFailures(_ chain: [Certificate], at time: Date) -> [VerificationFailure] {
        OpenSSLErrorQueue.clear()
        defer { OpenSSLErrorQueue.clear() }
        guard let store = X509_STORE_new() else {
            return [VerificationFailure(.other, detail: "cannot make a certificate store")]
        }
        defer { X509_STORE_free(store) }
        switch trustRoots {
        case .system:
            X509_STORE_set_default_paths(store)
        case .certificates(let certificates):
            for certificate in certificates {
                X509_STORE_add_cert(store, certificate.handle.pointer)
            }
        }

        guard let untrusted = mcops_sk_X509_new_null() else {
            return [VerificationFailure(.other, detail: "cannot make a certificate stack")]
        }
        defer { mcops_sk_X509_free(untrusted) }
        for certificate in chain.dropFirst() {
            _ = mcops_sk_X509_push(untrusted, certificate.handle.pointer)
        }

        guard let context = X509_STORE_CTX_new() else {
            return [VerificationFailure(.other, detail: "cannot make a verification context")]
        }
        defer { X509_STORE_CTX_free(context) }

        let collector = VerificationCollector()
        let outcome: Int32 = withExtendedLifetime((chain, collector)) {
            guard X509_STORE_CTX_init(context, store, chain[0].handle.pointer, untrusted) == 1
            else { return -1 }
            if let parameters = X509_STORE_CTX_get0_param(context) {
                X509_VERIFY_PARAM_set_time(parameters, UnixTime.seconds(time))
            }
            X509_STORE_CTX_set_ex_data(
                context, VerificationCollector.exDataIndex,
                Unmanaged.passUnretained(collector).toOpaque())
            X509_STORE_CTX_set_verify_cb(context, VerificationCollector.callback)
            return X509_verify_cert(context)
        }

        if outcome != 1 && collector.failures.isEmpty {
            let code = X509_STORE_CTX_get_error(context)
            let text = X509_verify_cert_error_string(Int(code)).map { String(cString: $0) }
            collector.failures.append(
                VerificationFailure(
                    .other, detail: text ?? "verification failed",
                    openSSLCode: code == 0 ? nil : code))
        }
        return collector.failures
    }

    /// Checks every certificate's validity period directly, because OpenSSL stops judging
    /// dates once it cannot find a certificate's issuer.
    private func dateFailures(_ chain: [Certificate], at time: Date) -> [VerificationFailure] {
        var failures: [VerificationFailure] = []
        for (depth, certificate) in chain.enumerated() {
            if time > certificate.notAfter {
                failures.append(VerificationCollector.expired(certificate, depth: depth))
            } else if time < certificate.notBefore {
                failures.append(VerificationCollector.notYetValid(certificate, depth: depth))
            }
        }
        return failures
    }

    private func hostMismatch(_ leaf: Certificate, _ host: String) -> VerificationFailure {
        let named = (leaf.dnsNames + leaf.ipAddresses).joined(separator: ", ")
        return VerificationFailure(
            .hostMismatch, depth: 0,
            detail: "the certificate \(Self.name(leaf)) does not name \(host) "
                + "(it names: \(named.isEmpty ? "nothing" : named))")
    }

    /// A certificate's subject, for messages.
    static func name(_ certificate: Certificate) -> String {
        let subject = certificate.subject.rfc2253
        return subject.isEmpty ? "with an empty subject" : "'\(subject)'"
    }
}
