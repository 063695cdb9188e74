import Foundation
import MemcachedOpsTLS
import Synchronization
import Testing

@testable import MCOpsCommandLine

/// Runs the certificate commands in process and keeps what they print.
private final class CapturedIO: CommandIO {
    private let streams = Mutex<(out: String, err: String)>(("", ""))

    func out(_ text: String) { streams.withLock { $0.out += text } }
    func err(_ text: String) { streams.withLock { $0.err += text } }

    var output: String { streams.withLock { $0.out } }
    var errors: String { streams.withLock { $0.err } }
}

/// The outcome of one command.
private struct Outcome {
    let status: Int32
    let output: String
    let errors: String

    /// The output parsed as a JSON object.
    func json() throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(output.utf8))
        return try #require(object as? [String: Any])
    }
}

private func run(_ command: any Subcommand, _ arguments: [String]) async -> Outcome {
    let io = CapturedIO()
    let status = await command.run(arguments, io: io)
    return Outcome(status: status, output: io.output, errors: io.errors)
}

/// A scratch directory for one test, removed afterwards.
private final class Scratch: Sendable {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "mcops-cert-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { path + "/" + name }
}

/// A CA and a server certificate made with the commands themselves.
private func makeCertificates(in scratch: Scratch) async throws -> (ca: String, server: String) {
    let ca = scratch.file("ca")
    let server = scratch.file("server")
    let created = await run(
        CertificateAuthorityCommand(), ["--out", ca, "--common-name", "cli CA"])
    #expect(created.status == ExitCode.success, "\(created.errors)")
    let issued = await run(
        CertificateIssueCommand(),
        [
            "--ca-dir", ca, "--out", server, "--common-name", "mc", "--dns", "mc.demo.svc",
            "--dns", "localhost", "--ip", "127.0.0.1",
        ])
    #expect(issued.status == ExitCode.success, "\(issued.errors)")
    return (ca, server)
}

@Suite("mcops cert")
struct CertificateCommandTests {
    @Test("inspect prints the documented JSON fields")
    func inspectJSON() async throws {
        let scratch = try Scratch()
        let (_, server) = try await makeCertificates(in: scratch)
        let certificate = try Certificate.load(contentsOf: server + "/tls.crt")[0]

        let outcome = await run(
            CertificateInspectCommand(), [server + "/tls.crt", "--output", "json"])
        #expect(outcome.status == ExitCode.success)
        let json = try outcome.json()
        #expect(json["subject"] as? String == "CN=mc")
        #expect(json["issuer"] as? String == "CN=cli CA")
        #expect(json["serialNumber"] as? String == certificate.serialNumber)
        #expect(json["dnsNames"] as? [String] == ["mc.demo.svc", "localhost"])
        #expect(json["ipAddresses"] as? [String] == ["127.0.0.1"])
        #expect(json["isCA"] as? Bool == false)
        let sha256 = try #require(json["sha256"] as? String)
        #expect(sha256 == certificate.sha256FingerprintHex)
        #expect(sha256.count == 64 && sha256.allSatisfy { "0123456789abcdef".contains($0) })
        for field in ["notBefore", "notAfter"] {
            let text = try #require(json[field] as? String)
            #expect(text.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/) != nil, "\(text)")
        }
        let notAfter = try #require(json["notAfter"] as? String)
        #expect(RFC3339.parse(notAfter) == certificate.notAfter)

        let caJSON = try await run(
            CertificateInspectCommand(), [scratch.file("ca/ca.crt"), "--output=json"]
        ).json()
        #expect(caJSON["isCA"] as? Bool == true)
    }

    @Test("inspect prints one field a line as text")
    func inspectText() async throws {
        let scratch = try Scratch()
        let (_, server) = try await makeCertificates(in: scratch)
        let outcome = await run(CertificateInspectCommand(), [server + "/tls.crt"])
        #expect(outcome.status == ExitCode.success)
        #expect(outcome.output.contains("Subject:         CN=mc\n"))
        #expect(outcome.output.contains("DNS names:       mc.demo.svc, localhost\n"))
        #expect(outcome.output.contains("CA:              no\n"))
    }

    @Test("inspect refuses a private key without echoing any of it")
    func inspectRefusesKey() async throws {
        let scratch = try Scratch()
        let (_, server) = try await makeCertificates(in: scratch)
        let keyFile = server + "/tls.key"
        let key = try String(contentsOfFile: keyFile, encoding: .utf8)

        let outcome = await run(CertificateInspectCommand(), [keyFile, "--output", "json"])
        #expect(outcome.status == ExitCode.failure)
        #expect(outcome.output.isEmpty)
        #expect(outcome.errors.contains("\(keyFile) holds a private key"))
        for line in key.split(separator: "\n") where !line.hasPrefix("-----") {
            #expect(!outcome.errors.contains(line))
        }
    }

    @Test("inspect names a missing file and exits 1; a bad command line exits 2")
    func inspectErrors() async throws {
        let missing = await run(CertificateInspectCommand(), ["/nonexistent/tls.crt"])
        #expect(missing.status == ExitCode.failure)
        #expect(missing.errors.contains("/nonexistent/tls.crt"))
        #expect(missing.output.isEmpty)

        let noFile = await run(CertificateInspectCommand(), [])
        #expect(noFile.status == ExitCode.usage)
        let badFormat = await run(CertificateInspectCommand(), ["x.crt", "--output", "yaml"])
        #expect(badFormat.status == ExitCode.usage)
    }

    @Test("verify exits 0 for a valid certificate and 1 with each reason otherwise")
    func verify() async throws {
        let scratch = try Scratch()
        let (ca, server) = try await makeCertificates(in: scratch)
        let certificate = server + "/tls.crt"

        let valid = await run(
            CertificateVerifyCommand(),
            ["--ca", ca + "/ca.crt", "--host", "mc.demo.svc", "--host", "127.0.0.1", certificate])
        #expect(valid.status == ExitCode.success, "\(valid.output)")
        #expect(valid.output == "\(certificate): valid\n")

        let wrongHost = await run(
            CertificateVerifyCommand(),
            ["--ca", ca + "/ca.crt", "--host", "db.demo.svc", certificate])
        #expect(wrongHost.status == ExitCode.failure)
        #expect(wrongHost.output.contains("host mismatch"))

        let later = await run(
            CertificateVerifyCommand(),
            ["--ca", ca + "/ca.crt", "--at", "2100-01-01T00:00:00Z", certificate])
        #expect(later.status == ExitCode.failure)
        #expect(later.output.contains("expired"))

        let otherCA = scratch.file("other")
        _ = await run(CertificateAuthorityCommand(), ["--out", otherCA])
        let unknown = await run(
            CertificateVerifyCommand(), ["--ca", otherCA + "/ca.crt", certificate])
        #expect(unknown.status == ExitCode.failure)
        #expect(unknown.output.contains("unknown issuer"))

        let wrongKey = await run(
            CertificateVerifyCommand(),
            ["--ca", ca + "/ca.crt", "--key", ca + "/tls.key", certificate])
        #expect(wrongKey.output.contains("key mismatch"))
        #expect(await run(CertificateVerifyCommand(), [certificate]).status == ExitCode.usage)
    }

    @Test("verify says expired for a certificate that has expired")
    func verifyExpired() async throws {
        let scratch = try Scratch()
        let authority = try CertificateAuthority.create(
            CertificateRequest(commonName: "old CA"), at: Date().addingTimeInterval(-86_400 * 3))
        let issued = try authority.issue(
            CertificateRequest(
                commonName: "mc", dnsNames: ["mc.demo.svc"],
                duration: .seconds(86_400)),
            at: Date().addingTimeInterval(-86_400 * 2))
        let files = try issued.write(to: scratch.path)

        let outcome = await run(
            CertificateVerifyCommand(), ["--ca", files.caPath, files.certificatePath])
        #expect(outcome.status == ExitCode.failure)
        #expect(outcome.output.contains("expired"))
    }

    @Test("ca and issue write a kubernetes.io/tls layout and take their options")
    func caAndIssue() async throws {
        let scratch = try Scratch()
        let (ca, server) = try await makeCertificates(in: scratch)
        for directory in [ca, server] {
            let names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
            #expect(names == ["ca.crt", "tls.crt", "tls.key"])
            let attributes = try FileManager.default.attributesOfItem(
                atPath: directory + "/tls.key")
            #expect(attributes[.posixPermissions] as? Int == 0o600)
        }

        let again = await run(CertificateAuthorityCommand(), ["--out", ca])
        #expect(again.status == ExitCode.failure)
        #expect(again.errors.contains("--force"))

        let rsa = scratch.file("rsa")
        let issued = await run(
            CertificateIssueCommand(),
            [
                "--ca-dir", ca, "--out", rsa, "--dns", "mc.demo.svc", "--duration", "1h30m",
                "--key-algorithm", "rsa-2048", "--key-encoding", "PKCS8",
            ])
        #expect(issued.status == ExitCode.success, "\(issued.errors)")
        let certificate = try Certificate.load(contentsOf: rsa + "/tls.crt")[0]
        #expect(certificate.notAfter.timeIntervalSince(certificate.notBefore) == 5400)
        #expect(certificate.publicKey.description == "RSA 2048")
        let key = try String(contentsOfFile: rsa + "/tls.key", encoding: .utf8)
        #expect(key.hasPrefix("-----BEGIN PRIVATE KEY-----"))

        let badDuration = await run(
            CertificateIssueCommand(), ["--ca-dir", ca, "--out", rsa, "--duration", "90 days"])
        #expect(badDuration.status == ExitCode.usage)
        for text in ["9999999999999999h", "0s", "-1h"] {
            let refused = await run(
                CertificateIssueCommand(), ["--ca-dir", ca, "--out", rsa, "--duration", text])
            #expect(refused.status == ExitCode.usage, "--duration \(text)")
            #expect(refused.errors.contains("expected a duration"), "\(refused.errors)")
        }
        let noCA = await run(
            CertificateIssueCommand(),
            ["--ca-dir", scratch.file("absent"), "--out", rsa, "--dns", "x"])
        #expect(noCA.status == ExitCode.failure)
        #expect(noCA.errors.contains(scratch.file("absent")))
    }

    @Test(
        "probe shows what memcached presents and whether it verifies",
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/memcached")))
    func probe() async throws {
        let scratch = try Scratch()
        let (ca, server) = try await makeCertificates(in: scratch)
        let served = try Certificate.load(contentsOf: server + "/tls.crt")[0]

        let memcached = try await ProbeTarget.start(server: server, log: scratch.file("mc.log"))
        let address = "127.0.0.1:\(memcached.port)"
        let verified = await run(
            CertificateProbeCommand(), [address, "--ca", ca + "/ca.crt", "--output", "json"])
        let unverified = await run(
            CertificateProbeCommand(), [address, "--ca", ca + "/ca.crt", "--server-name", "db.svc"])
        await memcached.process.terminate()

        #expect(verified.status == ExitCode.success, "\(verified.output)\(verified.errors)")
        let json = try verified.json()
        #expect(json["verified"] as? Bool == true)
        #expect((json["version"] as? String)?.isEmpty == false)
        let certificate = try #require(json["certificate"] as? [String: Any])
        #expect(certificate["sha256"] as? String == served.sha256FingerprintHex)

        #expect(unverified.status == ExitCode.failure)
        #expect(unverified.output.contains("not valid for db.svc"))
        #expect(unverified.output.contains("host mismatch"))
        #expect(unverified.output.contains(served.sha256FingerprintHex))
    }

    @Test("probe reports a refused connection with the address, exit 1")
    func probeRefused() async throws {
        let port = try ProbeTarget.freePort()
        let outcome = await run(CertificateProbeCommand(), ["127.0.0.1:\(port)"])
        #expect(outcome.status == ExitCode.failure)
        #expect(outcome.errors.contains("127.0.0.1:\(port)"))
        #expect(outcome.errors.contains("refused"))
        #expect(await run(CertificateProbeCommand(), ["no-port"]).status == ExitCode.usage)
        #expect(try CertificateProbeCommand.endpoint("[::1]:11211") == ("::1", 11211))
    }
}

/// A failure to set up a test.
private struct SetupFailure: Error, CustomStringConvertible {
    let description: String
}

/// A memcached serving TLS for the probe test, started with `ChildProcess`.
private struct ProbeTarget {
    let process: ChildProcess
    let port: Int

    static func start(server: String, log: String) async throws -> ProbeTarget {
        let port = try freePort()
        var arguments = [
            "-l", "127.0.0.1", "-p", String(port), "-U", "0", "-m", "16", "-Z", "-o",
            "ssl_chain_cert=\(server)/tls.crt,ssl_key=\(server)/tls.key",
        ]
        if getuid() == 0 {
            arguments += ["-u", getpwnam("memcache") == nil ? "nobody" : "memcache"]
        }
        let process = try ChildProcess(
            executablePath: "/usr/bin/memcached", arguments: arguments, outputPath: log)
        for _ in 0..<250 {
            if process.exitStatus != nil { break }
            if let client = try? await MemcachedClient.connect(
                host: "127.0.0.1", port: port, timeout: .milliseconds(200))
            {
                await client.close()
                return ProbeTarget(process: process, port: port)
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        await process.terminate()
        let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        throw SetupFailure(description: "memcached did not start: \(output)")
    }

    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = UInt32(0x7f00_0001).bigEndian
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard fd >= 0, named else { throw SetupFailure(description: "no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
