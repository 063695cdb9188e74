import Foundation
import MemcachedOpsTLS
import Testing

@Suite("private keys")
struct PrivateKeyTests {
    @Test(
        "writes and reads back each algorithm in each encoding",
        arguments: [KeyAlgorithm.ecdsaP256, .rsa2048], PrivateKeyEncoding.allCases)
    func roundTrip(algorithm: KeyAlgorithm, encoding: PrivateKeyEncoding) throws {
        let authority = try Fixtures.authority()
        var request = Fixtures.serverRequest()
        request.keyAlgorithm = algorithm
        request.privateKeyEncoding = encoding
        let issued = try authority.issue(request)

        let pem = String(decoding: try issued.privateKey.pemEncoded(encoding), as: UTF8.self)
        let label: String
        switch (algorithm, encoding) {
        case (_, .pkcs8): label = "PRIVATE KEY"
        case (.ecdsaP256, .pkcs1): label = "EC PRIVATE KEY"
        default: label = "RSA PRIVATE KEY"
        }
        #expect(pem.hasPrefix("-----BEGIN \(label)-----\n"))

        let read = try PrivateKey(pemEncoded: pem)
        #expect(read.matches(issued.certificate))
        #expect(read.info == issued.certificate.publicKey)
    }

    @Test(
        "generates keys of the requested kind and size",
        arguments: [
            (KeyAlgorithm.ecdsaP256, "EC P-256"), (.rsa2048, "RSA 2048"), (.rsa4096, "RSA 4096"),
        ])
    func generates(algorithm: KeyAlgorithm, description: String) throws {
        let key = try PrivateKey.generate(algorithm)
        #expect(key.info.description == description)
        #expect(key.description == "PrivateKey(\(description))")
    }

    @Test("a key matches only its own certificate")
    func matching() throws {
        let authority = try Fixtures.authority()
        let first = try authority.issue(Fixtures.serverRequest())
        let second = try authority.issue(Fixtures.serverRequest())
        #expect(first.privateKey.matches(first.certificate))
        #expect(!first.privateKey.matches(second.certificate))
        #expect(!first.privateKey.matches(authority.certificate))
        #expect(authority.privateKey.matches(authority.certificate))
    }

    @Test("never prints key material in descriptions, dumps or errors")
    func noMaterial() throws {
        let key = try PrivateKey.generate(.ecdsaP256)
        let pem = String(decoding: try key.pemEncoded(.pkcs8), as: UTF8.self)
        let secretLines = pem.split(separator: "\n").filter { !$0.hasPrefix("-----") }
        #expect(!secretLines.isEmpty)

        var dumped = ""
        dump(key, to: &dumped)
        let shown = [
            key.description, key.debugDescription, String(reflecting: key), dumped,
            "\(key)",
        ]
        for text in shown {
            for line in secretLines { #expect(!text.contains(line)) }
        }

        // A key with one byte changed does not parse; the error holds none of it either.
        var damaged = Array(pem.utf8)
        damaged[40] = damaged[40] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        let error = #expect(throws: CertificateError.self) {
            try PrivateKey(pemEncoded: String(decoding: damaged, as: UTF8.self))
        }
        #expect(error?.code == .malformedPrivateKey)
        let errorText = String(describing: error as Any)
        for line in secretLines { #expect(!errorText.contains(line)) }
    }

    @Test(
        "refuses an encrypted key without asking for a passphrase",
        .enabled(if: OpenSSLTool.isInstalled))
    func encrypted() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("encrypted.key")
        _ = try await OpenSSLTool.run(
            [
                "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-aes256",
                "-pass", "pass:secret", "-out", path,
            ],
            in: directory)
        let error = #expect(throws: CertificateError.self) {
            try PrivateKey.load(contentsOf: path)
        }
        #expect(error?.code == .encryptedPrivateKey)
        #expect(error?.path == path)
    }

    @Test(
        "reads DER keys, and a DER key is refused as a certificate",
        .enabled(if: OpenSSLTool.isInstalled))
    func derKeys() async throws {
        let directory = try TemporaryDirectory()
        let issued = try Fixtures.authority().issue(Fixtures.serverRequest())
        let files = try issued.write(to: directory.path)
        let der = directory.file("tls.der")
        _ = try await OpenSSLTool.run(
            ["pkey", "-in", files.privateKeyPath, "-outform", "DER", "-out", der], in: directory)

        #expect(try PrivateKey.load(contentsOf: der).matches(issued.certificate))
        let error = #expect(throws: CertificateError.self) {
            try Certificate.load(contentsOf: der)
        }
        #expect(error?.code == .privateKeyNotCertificate)
    }

    @Test("reads the key from a combined certificate and key file")
    func combinedFile() throws {
        let issued = try Fixtures.authority().issue(Fixtures.serverRequest())
        let key = String(decoding: try issued.privateKey.pemEncoded(.pkcs1), as: UTF8.self)
        let combined = issued.certificate.pemEncoded + key
        #expect(try PrivateKey(pemEncoded: combined).matches(issued.certificate))
        #expect(try Certificate(pemEncoded: combined) == issued.certificate)
    }
}
