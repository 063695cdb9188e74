import Foundation
import MemcachedOpsTLS
import Testing

@Suite("the pre-flight check for a reload")
struct ReloadPreflightTests {
    let authority: CertificateAuthority
    let directory: TemporaryDirectory
    let preflight: ReloadPreflight

    init() throws {
        authority = try Fixtures.authority()
        directory = try TemporaryDirectory()
        preflight = ReloadPreflight(
            clientCA: [authority.certificate], hosts: ["mc.demo.svc", "127.0.0.1"])
    }

    @Test("passes a matching, current pair from the clients' CA that names their hosts")
    func passes() throws {
        let files = try authority.issue(Fixtures.serverRequest()).write(to: directory.path)
        let result = preflight.check(files)
        #expect(result.isValid, "\(result)")
    }

    @Test("refuses a certificate beside another certificate's key")
    func mismatchedPair() throws {
        let files = try authority.issue(Fixtures.serverRequest()).write(to: directory.path)
        let other = try authority.issue(Fixtures.serverRequest())
        try other.certificate.pemEncoded.write(
            toFile: files.certificatePath, atomically: true, encoding: .utf8)
        #expect(preflight.check(files).reasons == [.keyMismatch])
    }

    @Test("refuses a certificate the clients' CA did not issue")
    func wrongCA() throws {
        let stranger = try Fixtures.authority("stranger")
        let files = try stranger.issue(Fixtures.serverRequest()).write(to: directory.path)
        #expect(preflight.check(files).reasons == [.unknownIssuer])
    }

    @Test("refuses a certificate that does not name a host clients dial")
    func missingHost() throws {
        let files = try authority.issue(
            CertificateRequest(commonName: "mc", dnsNames: ["mc.demo.svc"])
        )
        .write(to: directory.path)
        let result = preflight.check(files)
        #expect(result.reasons == [.hostMismatch])
        #expect(result.failures.first?.detail.contains("127.0.0.1") == true)
    }

    @Test("refuses a pair that is not valid now")
    func dates() throws {
        let expired = try authority.issue(
            Fixtures.serverRequest(duration: .seconds(60)), at: Date().addingTimeInterval(-600))
        let future = try authority.issue(
            Fixtures.serverRequest(), at: Date().addingTimeInterval(3600))
        #expect(
            preflight.check(chain: expired.chain, privateKey: expired.privateKey)
                .reasons == [.expired])
        #expect(
            preflight.check(chain: future.chain, privateKey: future.privateKey)
                .reasons == [.notYetValid])
    }

    @Test(
        "refuses a certificate that may only be a TLS client",
        .enabled(if: OpenSSLTool.isInstalled))
    func clientOnly() async throws {
        let files = try authority.issue(Fixtures.serverRequest()).write(to: directory.path)
        let caFiles = try authority.write(to: directory.file("ca"))
        let request = directory.file("client.csr")
        let signed = directory.file("client.crt")
        _ = try await OpenSSLTool.run(
            [
                "req", "-new", "-key", files.privateKeyPath, "-subj", "/CN=mc",
                "-addext", "subjectAltName=DNS:mc.demo.svc,IP:127.0.0.1",
                "-addext", "extendedKeyUsage=clientAuth", "-out", request,
            ],
            in: directory)
        _ = try await OpenSSLTool.run(
            [
                "x509", "-req", "-in", request, "-CA", caFiles.certificatePath,
                "-CAkey", caFiles.privateKeyPath, "-set_serial", "7", "-days", "1",
                "-copy_extensions", "copyall", "-out", signed,
            ],
            in: directory)

        let chain = try Certificate.load(contentsOf: signed)
        #expect(chain[0].extendedKeyUsage == [.clientAuth])
        let result = preflight.check(chain: chain, privateKey: try files.readPrivateKey())
        #expect(result.reasons == [.invalidPurpose])
    }

    @Test("reports files it cannot read as unreadable, not as an error")
    func unreadable() throws {
        let files = TLSSecretFiles(directory: directory.file("absent"))
        let result = preflight.check(files)
        #expect(result.reasons == [.unreadable])
        #expect(result.failures.count == 2)
        #expect(result.failures[0].detail.contains("tls.crt"))
        #expect(result.failures[1].detail.contains("tls.key"))
    }
}
