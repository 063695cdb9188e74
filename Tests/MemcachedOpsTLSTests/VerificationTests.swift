import Foundation
import MemcachedOpsTLS
import Testing

@Suite("verifying certificates")
struct VerificationTests {
    let authority: CertificateAuthority
    let issued: IssuedCertificate
    let verifier: CertificateVerifier

    init() throws {
        authority = try Fixtures.authority()
        issued = try authority.issue(Fixtures.serverRequest())
        verifier = CertificateVerifier(trustRoots: .certificates([authority.certificate]))
    }

    @Test("a current certificate from the CA, for its hosts and with its key, is valid")
    func valid() {
        let result = verifier.verify(
            issued.chain, hosts: ["mc.demo.svc", "localhost", "127.0.0.1"],
            privateKey: issued.privateKey)
        #expect(result.isValid, "\(result)")
        #expect(result.description == "valid")
    }

    @Test("an expired certificate fails as expired, naming the end date")
    func expired() {
        let later = issued.certificate.notAfter.addingTimeInterval(60)
        let result = verifier.verify(issued.chain, at: later)
        #expect(result.reasons.first == .expired)
        #expect(result.failures.first?.depth == 0)
        #expect(result.description.contains("expired"))
    }

    @Test("a certificate before its start fails as not yet valid")
    func notYetValid() {
        let earlier = issued.certificate.notBefore.addingTimeInterval(-60)
        #expect(verifier.verify(issued.chain, at: earlier).contains(.notYetValid))
    }

    @Test(
        "host names match exactly, wildcards match one label, IP addresses match exactly",
        arguments: [
            ("mc.demo.svc", true), ("MC.DEMO.SVC", true), ("other.demo.svc", false),
            ("pod-0.mc-pods.demo.svc", true), ("a.b.mc-pods.demo.svc", false),
            ("mc-pods.demo.svc", false), ("10.0.0.7", true), ("10.0.0.8", false),
            ("::1", true), ("127.0.0.1", false),
        ])
    func hosts(host: String, matches: Bool) throws {
        let certificate = try authority.issue(
            CertificateRequest(
                commonName: "mc", dnsNames: ["mc.demo.svc", "*.mc-pods.demo.svc"],
                ipAddresses: ["10.0.0.7", "::1"])
        ).certificate
        #expect(certificate.covers(host: host) == matches)
        let result = verifier.verify([certificate], hosts: [host])
        #expect(result.isValid == matches)
        if !matches {
            #expect(result.reasons == [.hostMismatch])
            #expect(result.failures.first?.detail.contains(host) == true)
        }
    }

    @Test("a certificate from another CA fails as unknown issuer")
    func unknownIssuer() throws {
        let stranger = try Fixtures.authority("stranger").issue(Fixtures.serverRequest())
        let result = verifier.verify(stranger.chain)
        #expect(result.reasons == [.unknownIssuer])
    }

    @Test("another certificate's key fails as key mismatch")
    func keyMismatch() throws {
        let other = try authority.issue(Fixtures.serverRequest())
        let result = verifier.verify(issued.chain, privateKey: other.privateKey)
        #expect(result.reasons == [.keyMismatch])
        #expect(!result.description.contains("BEGIN"))
    }

    @Test("every reason is reported at once")
    func allReasons() throws {
        let stranger = try Fixtures.authority("stranger")
        let bad = try stranger.issue(
            Fixtures.serverRequest(duration: .seconds(60)), at: Date().addingTimeInterval(-3600))
        let result = verifier.verify(
            bad.chain, hosts: ["elsewhere.example"], privateKey: issued.privateKey)
        #expect(Set(result.reasons) == [.unknownIssuer, .expired, .hostMismatch, .keyMismatch])
    }

    @Test("an expired CA fails at depth 1 even when the certificate itself is current")
    func expiredAuthority() throws {
        let old = try Fixtures.authority(
            notBefore: Date().addingTimeInterval(-86_400 * 10), duration: .seconds(86_400 * 5))
        let leaf = try old.issue(
            Fixtures.serverRequest(duration: .seconds(86_400 * 30)),
            at: Date().addingTimeInterval(-86_400 * 9))
        let result = CertificateVerifier(trustRoots: .certificates([old.certificate]))
            .verify(leaf.chain)
        let failure = try #require(result.failures.first { $0.reason == .expired })
        #expect(failure.depth == 1)
        #expect(failure.detail.contains("issuing certificate"))
    }

    @Test("verifies through an intermediate CA that the chain carries")
    func intermediate() throws {
        let middle = try authority.issue(CertificateRequest(commonName: "intermediate", isCA: true))
        let intermediateCA = try CertificateAuthority(
            certificate: middle.certificate, privateKey: middle.privateKey,
            chain: [authority.certificate])
        let leaf = try intermediateCA.issue(Fixtures.serverRequest())
        #expect(leaf.chain == [leaf.certificate, middle.certificate])
        #expect(leaf.caCertificate == authority.certificate)

        #expect(verifier.verify(leaf.chain, hosts: ["mc.demo.svc"]).isValid)
        #expect(verifier.verify([leaf.certificate]).contains(.unknownIssuer))
    }

    @Test("the system trust store does not know a private CA")
    func systemRoots() {
        let result = CertificateVerifier(trustRoots: .system).verify(issued.chain)
        #expect(result.contains(.unknownIssuer))
    }
}
