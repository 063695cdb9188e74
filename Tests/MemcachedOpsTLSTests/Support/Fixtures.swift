import Foundation
import MemcachedOpsTLS

/// Certificates for tests, issued by this module.
enum Fixtures {
    /// A new root CA.
    static func authority(
        _ commonName: String = "mcops test CA", notBefore: Date = Date(),
        duration: Duration = .seconds(86_400 * 30)
    ) throws -> CertificateAuthority {
        try CertificateAuthority.create(
            CertificateRequest(
                commonName: commonName, organizations: ["mcops tests"],
                duration: duration),
            at: notBefore)
    }

    /// A server request naming `localhost`, `mc.demo.svc` and `127.0.0.1`.
    static func serverRequest(duration: Duration = .seconds(86_400)) -> CertificateRequest {
        CertificateRequest(
            commonName: "memcached", dnsNames: ["localhost", "mc.demo.svc"],
            ipAddresses: ["127.0.0.1"], duration: duration)
    }

    /// A client request.
    static func clientRequest() -> CertificateRequest {
        CertificateRequest(commonName: "mcops client", organizations: ["mcops tests"])
    }

    /// Client TLS settings that trust `authority` and expect `name`.
    static func tls(
        trusting authority: CertificateAuthority, serverName: String? = nil,
        identity: IssuedCertificate? = nil
    ) -> TLSClientConfiguration {
        TLSClientConfiguration(
            trustRoots: .certificates([authority.certificate]), serverName: serverName,
            clientIdentity: identity.map {
                .init(certificateChain: $0.chain, privateKey: $0.privateKey)
            })
    }
}
