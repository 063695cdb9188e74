import Foundation
import MemcachedOpsTLS
import Testing

@Suite("issuing certificates")
struct IssuingTests {
    @Test("writes tls.crt, tls.key and ca.crt, the key with mode 0600, nothing else")
    func secretLayout() throws {
        let directory = try TemporaryDirectory()
        let authority = try Fixtures.authority()
        let issued = try authority.issue(Fixtures.serverRequest())
        let target = directory.file("nested/server")
        let files = try issued.write(to: target)

        let names = try FileManager.default.contentsOfDirectory(atPath: target).sorted()
        #expect(names == ["ca.crt", "tls.crt", "tls.key"])
        #expect(try mode(files.privateKeyPath) == 0o600)
        #expect(try mode(files.certificatePath) == 0o644)
        #expect(try files.readCertificateChain() == [issued.certificate])
        #expect(try files.readCA() == [authority.certificate])
        #expect(try files.readPrivateKey().matches(issued.certificate))
    }

    @Test("rewriting replaces every file by rename, keeping the key's mode")
    func rewrite() throws {
        let directory = try TemporaryDirectory()
        let authority = try Fixtures.authority()
        let files = try authority.issue(Fixtures.serverRequest()).write(to: directory.path)
        let before = try inode(files.certificatePath)

        let second = try authority.issue(Fixtures.serverRequest())
        try second.write(to: directory.path)
        #expect(try inode(files.certificatePath) != before)
        #expect(try files.readCertificateChain() == [second.certificate])
        #expect(try files.readPrivateKey().matches(second.certificate))
        #expect(try mode(files.privateKeyPath) == 0o600)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(names.sorted() == ["ca.crt", "tls.crt", "tls.key"])
    }

    @Test("writes PKCS#1 keys by default and PKCS#8 when asked")
    func encodings() throws {
        let directory = try TemporaryDirectory()
        let authority = try Fixtures.authority()
        var request = Fixtures.serverRequest()
        request.keyAlgorithm = .rsa2048
        let pkcs1 = try authority.issue(request).write(to: directory.file("one"))
        request.privateKeyEncoding = .pkcs8
        let pkcs8 = try authority.issue(request).write(to: directory.file("eight"))

        let first = try String(contentsOfFile: pkcs1.privateKeyPath, encoding: .utf8)
        let second = try String(contentsOfFile: pkcs8.privateKeyPath, encoding: .utf8)
        #expect(first.hasPrefix("-----BEGIN RSA PRIVATE KEY-----"))
        #expect(second.hasPrefix("-----BEGIN PRIVATE KEY-----"))
        #expect(try pkcs1.readCertificateChain()[0].publicKey.description == "RSA 2048")
    }

    @Test("puts every subject field in the order cert-manager does")
    func subject() throws {
        let issued = try Fixtures.authority().issue(
            CertificateRequest(
                commonName: "mc", organizations: ["kubedb"], organizationalUnits: ["db"],
                countries: ["US"], localities: ["Austin"], provinces: ["Texas"],
                streetAddresses: ["1 Main St"], postalCodes: ["78701"], serialNumber: "42"))
        let subject = issued.certificate.subject
        #expect(
            subject.attributes.map(\.type)
                == ["C", "ST", "L", "street", "postalCode", "O", "OU", "CN", "serialNumber"])
        #expect(subject.values(of: "street") == ["1 Main St"])
        #expect(subject.rfc2253.hasPrefix("serialNumber=42,CN=mc,OU=db,O=kubedb"))
    }

    @Test("a CA signs, a leaf serves and is a client")
    func usages() throws {
        let authority = try Fixtures.authority()
        let leaf = try authority.issue(Fixtures.serverRequest()).certificate
        #expect(authority.certificate.isCA)
        #expect(authority.certificate.keyUsage == [.digitalSignature, .keyCertSign, .cRLSign])
        #expect(authority.certificate.extendedKeyUsage == nil)
        #expect(!leaf.isCA)
        #expect(leaf.extendedKeyUsage == [.serverAuth, .clientAuth])
    }

    @Test(
        "refuses requests that cannot make a certificate",
        arguments: [
            CertificateRequest(commonName: "x", ipAddresses: ["300.1.1.1"]),
            CertificateRequest(commonName: "x", duration: .zero),
            CertificateRequest(),
            CertificateRequest(commonName: "x", countries: ["Germany"]),
            CertificateRequest(dnsNames: ["bücher.example"]),
        ])
    func invalid(request: CertificateRequest) throws {
        let error = #expect(throws: CertificateError.self) {
            try Fixtures.authority().issue(request)
        }
        #expect(error?.code == .invalidRequest)
    }

    @Test("a certificate without a subject carries its names in a critical extension")
    func emptySubject() throws {
        let issued = try Fixtures.authority().issue(CertificateRequest(dnsNames: ["mc.demo.svc"]))
        #expect(issued.certificate.subject.attributes.isEmpty)
        #expect(issued.certificate.dnsNames == ["mc.demo.svc"])
    }

    @Test("a CA written to a directory loads back and keeps issuing")
    func authorityRoundTrip() throws {
        let directory = try TemporaryDirectory()
        let authority = try Fixtures.authority()
        let files = try authority.write(to: directory.path)
        #expect(try mode(files.privateKeyPath) == 0o600)

        let loaded = try CertificateAuthority.load(from: directory.path)
        #expect(loaded.certificate == authority.certificate)
        let issued = try loaded.issue(Fixtures.serverRequest())
        let verifier = CertificateVerifier(trustRoots: .certificates([authority.certificate]))
        #expect(verifier.verify(issued.chain).isValid)
    }

    @Test("a key that is not the CA's, or a certificate that is not a CA, cannot issue")
    func invalidAuthority() throws {
        let authority = try Fixtures.authority()
        let leaf = try authority.issue(Fixtures.serverRequest())
        let wrongKey = #expect(throws: CertificateError.self) {
            try CertificateAuthority(
                certificate: authority.certificate, privateKey: leaf.privateKey)
        }
        #expect(wrongKey?.code == .invalidAuthority)
        let notCA = #expect(throws: CertificateError.self) {
            try CertificateAuthority(certificate: leaf.certificate, privateKey: leaf.privateKey)
        }
        #expect(notCA?.code == .invalidAuthority)
    }

    private func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? Int) ?? -1
    }

    private func inode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.systemFileNumber] as? Int) ?? -1
    }
}
