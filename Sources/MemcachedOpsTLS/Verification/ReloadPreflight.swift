#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The check to run before asking memcached to reload its certificate with
/// `refresh_certs`.
///
/// memcached accepts a certificate that does not match its key on reload and then fails
/// every new handshake until a good pair is loaded. This check catches that, and the other
/// ways a new certificate would lock clients out, before memcached sees the files:
///
/// - the private key is the certificate's key;
/// - the chain verifies against the CA the clients use;
/// - every certificate in the chain is valid now;
/// - the certificate names every host clients dial;
/// - the certificate may serve TLS (`serverAuth`, when it lists extended key usages).
///
/// ```swift
/// let preflight = ReloadPreflight(clientCA: try files.readCA(), hosts: ["mc.demo.svc"])
/// let result = preflight.check(files)
/// guard result.isValid else { throw ... }   // do not send refresh_certs
/// ```
public struct ReloadPreflight: Sendable {
    /// The CA certificates clients verify the server with.
    public let clientCA: [Certificate]

    /// The host names and IP addresses clients dial.
    public let hosts: [String]

    /// Creates a check.
    ///
    /// - Parameters:
    ///   - clientCA: The CA certificates clients verify the server with.
    ///   - hosts: The host names and IP addresses clients dial.
    public init(clientCA: [Certificate], hosts: [String]) {
        self.clientCA = clientCA
        self.hosts = hosts
    }

    /// Checks a certificate chain and key.
    ///
    /// - Parameters:
    ///   - chain: The certificate and its intermediates, as `tls.crt` holds them.
    ///   - privateKey: The key, as `tls.key` holds it.
    ///   - time: The time at which the certificate must be valid; now by default.
    /// - Returns: Valid, or every reason the pair must not be loaded.
    public func check(
        chain: [Certificate], privateKey: PrivateKey, at time: Date = Date()
    ) -> VerificationResult {
        let verifier = CertificateVerifier(trustRoots: .certificates(clientCA))
        var failures = verifier.verify(chain, hosts: hosts, privateKey: privateKey, at: time)
            .failures
        if let leaf = chain.first, let purposes = leaf.extendedKeyUsage,
            !purposes.contains(.serverAuth)
        {
            failures.append(
                VerificationFailure(
                    .invalidPurpose, depth: 0,
                    detail: "the certificate '\(leaf.subject)' may not serve TLS: its extended "
                        + "key usages (\(purposes)) lack serverAuth"))
        }
        return VerificationResult(failures: failures)
    }

    /// Reads `tls.crt` and `tls.key` from `files` and checks them.
    ///
    /// A file that cannot be read is a failure with reason `unreadable`, not an error.
    ///
    /// - Parameters:
    ///   - files: The directory memcached will reload from.
    ///   - time: The time at which the certificate must be valid; now by default.
    /// - Returns: Valid, or every reason the files must not be loaded.
    public func check(_ files: TLSSecretFiles, at time: Date = Date()) -> VerificationResult {
        var failures: [VerificationFailure] = []
        var chain: [Certificate] = []
        var key: PrivateKey?
        do {
            chain = try files.readCertificateChain()
        } catch {
            failures.append(VerificationFailure(.unreadable, detail: error.description))
        }
        do {
            key = try files.readPrivateKey()
        } catch {
            failures.append(VerificationFailure(.unreadable, detail: error.description))
        }
        guard failures.isEmpty, let key else { return VerificationResult(failures: failures) }
        return check(chain: chain, privateKey: key, at: time)
    }
}
