import Foundation
import MemcachedOpsTLS
import Testing

@Suite("reading certificates")
struct CertificateReadingTests {
    @Test("reads every field of an issued certificate")
    func fields() throws {
        let authority = try Fixtures.authority()
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let issued = try authority.issue(
            CertificateRequest(
                commonName: "mc.demo.svc", organizations: ["kubedb"], countries: ["DE"],
                dnsNames: ["mc.demo.svc", "*.mc-pods.demo.svc"],
                ipAddresses: ["127.0.0.1", "::1"], uris: ["spiffe://demo/mc"],
                emailAddresses: ["ops@example.com"], duration: .seconds(3600)),
            at: start)
        let certificate = issued.certificate

        #expect(certificate.subject.rfc2253 == "CN=mc.demo.svc,O=kubedb,C=DE")
        #expect(certificate.subject.commonName == "mc.demo.svc")
        #expect(certificate.subject.attributes.map(\.type) == ["C", "O", "CN"])
        #expect(certificate.issuer == authority.certificate.subject)
        #expect(certificate.issuer.rfc2253 == "CN=mcops test CA,O=mcops tests")
        #expect(certificate.notBefore == start)
        #expect(certificate.notAfter == start.addingTimeInterval(3600))
        #expect(certificate.dnsNames == ["mc.demo.svc", "*.mc-pods.demo.svc"])
        #expect(certificate.ipAddresses == ["127.0.0.1", "::1"])
        #expect(certificate.uris == ["spiffe://demo/mc"])
        #expect(certificate.emailAddresses == ["ops@example.com"])
        #expect(certificate.isCA == false)
        #expect(certificate.keyUsage == [.digitalSignature, .keyEncipherment])
        #expect(certificate.extendedKeyUsage == [.serverAuth, .clientAuth])
        #expect(certificate.publicKey == KeyInfo(algorithm: .ec, bits: 256, curve: "P-256"))
        #expect(certificate.serialNumber.count == 32)
        #expect(certificate.serialNumber.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        #expect(certificate.sha256Fingerprint.count == 32)
        #expect(certificate.sha256FingerprintHex.count == 64)

        #expect(authority.certificate.isCA)
        #expect(authority.certificate.isSelfSigned)
        #expect(authority.certificate.keyUsage?.contains(.keyCertSign) == true)
        #expect(certificate.isSelfSigned == false)
    }

    @Test("reads a PEM chain in order, and the same certificate as DER")
    func pemChainAndDER() throws {
        let root = try Fixtures.authority()
        let intermediate = try root.issue(
            CertificateRequest(commonName: "intermediate", isCA: true))
        let pem = intermediate.certificate.pemEncoded + root.certificate.pemEncoded

        let chain = try Certificate.chain(pemEncoded: pem)
        #expect(chain == [intermediate.certificate, root.certificate])
        #expect(try Certificate(pemEncoded: pem) == intermediate.certificate)
        #expect(try Certificate(derEncoded: root.certificate.derEncoded) == root.certificate)
        #expect(try Certificate.parse(root.certificate.derEncoded) == [root.certificate])
        #expect(try Certificate.parse(Array(pem.utf8)).count == 2)
    }

    @Test("loads PEM and DER files alike")
    func loadsFiles() throws {
        let directory = try TemporaryDirectory()
        let certificate = try Fixtures.authority().certificate
        try Data(certificate.derEncoded).write(to: URL(fileURLWithPath: directory.file("ca.der")))
        try certificate.pemEncoded.write(
            toFile: directory.file("ca.pem"), atomically: true, encoding: .utf8)

        #expect(try Certificate.load(contentsOf: directory.file("ca.der")) == [certificate])
        #expect(try Certificate.load(contentsOf: directory.file("ca.pem")) == [certificate])
    }

    @Test(
        "agrees with the openssl tool on subject, serial, dates and fingerprint",
        .enabled(if: OpenSSLTool.isInstalled))
    func agreesWithOpenSSL() async throws {
        let directory = try TemporaryDirectory()
        let issued = try Fixtures.authority().issue(Fixtures.serverRequest())
        let files = try issued.write(to: directory.path)
        let output = try await OpenSSLTool.run(
            [
                "x509", "-in", files.certificatePath, "-noout", "-subject", "-issuer",
                "-nameopt", "RFC2253", "-serial", "-fingerprint", "-sha256", "-ext",
                "subjectAltName",
            ],
            in: directory)
        let certificate = issued.certificate

        #expect(output.contains("subject=\(certificate.subject.rfc2253)\n"))
        #expect(output.contains("issuer=\(certificate.issuer.rfc2253)\n"))
        #expect(output.contains("serial=\(certificate.serialNumber.uppercased())\n"))
        let colonFingerprint = stride(from: 0, to: 64, by: 2).map { offset in
            let hex = Array(certificate.sha256FingerprintHex.uppercased())
            return String(hex[offset..<offset + 2])
        }.joined(separator: ":")
        #expect(output.contains("Fingerprint=\(colonFingerprint)"))
        #expect(output.contains("DNS:localhost, DNS:mc.demo.svc, IP Address:127.0.0.1"))
    }

    @Test("refuses a private key file without repeating any of it")
    func refusesPrivateKey() throws {
        let directory = try TemporaryDirectory()
        let issued = try Fixtures.authority().issue(Fixtures.serverRequest())
        let files = try issued.write(to: directory.path)
        let keyText = try String(contentsOfFile: files.privateKeyPath, encoding: .utf8)
        let keyLines = keyText.split(separator: "\n").filter { !$0.hasPrefix("-----") }

        let error = #expect(throws: CertificateError.self) {
            try Certificate.load(contentsOf: files.privateKeyPath)
        }
        #expect(error?.code == .privateKeyNotCertificate)
        #expect(error?.path == files.privateKeyPath)
        let shown = String(describing: error as Any)
        for line in keyLines { #expect(!shown.contains(line)) }

    }

    @Test("names the missing file and says what is wrong with garbage")
    func errors() throws {
        let directory = try TemporaryDirectory()
        let missing = directory.file("absent.crt")
        let notFound = #expect(throws: CertificateError.self) {
            try Certificate.load(contentsOf: missing)
        }
        #expect(notFound?.code == .unreadableFile)
        #expect(notFound?.description.contains(missing) == true)
        #expect(notFound?.description.contains("No such file") == true)

        let empty = #expect(throws: CertificateError.self) {
            try Certificate.chain(pemEncoded: "hello\n")
        }
        #expect(empty?.code == .noCertificate)

        let broken = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"
        let malformed = #expect(throws: CertificateError.self) {
            try Certificate.chain(pemEncoded: broken)
        }
        #expect(malformed?.code == .malformedCertificate)
        #expect(malformed?.openSSLErrors.isEmpty == false)

        let notDER = #expect(throws: CertificateError.self) {
            try Certificate(derEncoded: [0x30, 0x03, 0x02, 0x01, 0x01])
        }
        #expect(notDER?.code == .malformedCertificate)
    }
}
