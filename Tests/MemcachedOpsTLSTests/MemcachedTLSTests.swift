import Foundation
import MemcachedOpsTLS
import Testing

@Suite("memcached over TLS", .enabled(if: MemcachedServer.isInstalled))
struct MemcachedTLSTests {
    @Test("a verified handshake and a version round trip")
    func verifiedHandshake() async throws {
        let directory = try TemporaryDirectory()
        let authority = try Fixtures.authority()
        let issued = try authority.issue(Fixtures.serverRequest())
        let files = try issued.write(to: try directory.subdirectory("server"))

        try await withMemcached(tls: files, in: directory) { server in
            let client = try await MemcachedClient.connect(
                host: "127.0.0.1", port: server.port, tls: Fixtures.tls(trusting: authority))
            let version = try await client.version()
            #expect(version.first?.isNumber == true)
            let session = try #require(client.tlsSession)
            #expect(session.isServerVerified)
            #expect(["TLSv1.2", "TLSv1.3"].contains(session.protocolVersion))
            #expect(client.serverCertificate == issued.certificate)
            let settings = try await client.statsSettings()
            #expect(settings["ssl_enabled"] == "yes")
            #expect(settings["ssl_chain_cert"] == files.certificatePath)
            await client.close()
        }
    }

    @Test("set, get and delete carry any bytes over TLS")
    func storageCommands() async throws {
        let directory = try TemporaryDirectory()
        let authority = try Fixtures.authority()
        let files = try authority.issue(Fixtures.serverRequest())
            .write(to: try directory.subdirectory("server"))

        try await withMemcached(tls: files, in: directory) { server in
            let client = try await MemcachedClient.connect(
                host: "localhost", port: server.port, tls: Fixtures.tls(trusting: authority))
            let value: [UInt8] = Array("line one\r\nEND\r\n".utf8) + [0, 255, 13, 10]
            try await client.set("binary", value: value, flags: 42)
            #expect(try await client.get("binary") == MemcachedItem(value: value, flags: 42))
            #expect(try await client.get("missing") == nil)
            #expect(try await client.delete("binary"))
            #expect(try await client.delete("binary") == false)
            #expect(try await client.get("binary") == nil)

            let badKey = await #expect(throws: MemcachedClientError.self) {
                try await client.get("has space")
            }
            #expect(badKey?.code == .invalidKey)
            #expect(try await client.version().isEmpty == false)
            await client.close()
        }
    }

    @Test("the same commands work over a plain connection")
    func plainConnection() async throws {
        let directory = try TemporaryDirectory()
        try await withMemcached(tls: nil, in: directory) { server in
            let client = try await MemcachedClient.connect(host: "127.0.0.1", port: server.port)
            #expect(client.tlsSession == nil)
            try await client.set("greeting", value: Array("hello".utf8))
            #expect(try await client.get("greeting")?.string == "hello")
            let settings = try await client.statsSettings()
            #expect(settings["ssl_enabled"] == "no")
            await client.close()
            let closed = await #expect(throws: MemcachedClientError.self) {
                try await client.version()
            }
            #expect(closed?.code == .connectionClosed)
        }
    }

    @Test("refuses a server whose certificate does not name the host")
    func wrongHost() async throws {
        let directory = try TemporaryDirectory()
        let authority = try Fixtures.authority()
        let files = try authority.issue(Fixtures.serverRequest())
            .write(to: try directory.subdirectory("server"))

        try await withMemcached(tls: files, in: directory) { server in
            let error = await #expect(throws: MemcachedClientError.self) {
                _ = try await MemcachedClient.connect(
                    host: "127.0.0.1", port: server.port,
                    tls: Fixtures.tls(trusting: authority, serverName: "other.demo.svc"))
            }
            #expect(error?.code == .verificationFailed)
            #expect(error?.verificationFailure?.reason == .hostMismatch)
            #expect(error?.description.contains("other.demo.svc") == true)
        }
    }

    @Test("refuses a server certificate from an unknown CA")
    func unknownCA() async throws {
        let directory = try TemporaryDirectory()
        let authority = try Fixtures.authority()
        let stranger = try Fixtures.authority("some other CA")
        let files = try authority.issue(Fixtures.serverRequest())
            .write(to: try directory.subdirectory("server"))

        try await withMemcached(tls: files, in: directory) { server in
            let error = await #expect(throws: MemcachedClientError.self) {
                _ = try await MemcachedClient.connect(
                    host: "127.0.0.1", port: server.port, tls: Fixtures.tls(trusting: stranger))
            }
            #expect(error?.code == .verificationFailed)
            #expect(error?.verificationFailure?.reason == .unknownIssuer)

            // With verification off, the same server is reachable and shows what it holds.
            var insecure = Fixtures.tls(trusting: stranger)
            insecure.verifiesServer = false
            let client = try await MemcachedClient.connect(
                host: "127.0.0.1", port: server.port, tls: insecure)
            #expect(client.tlsSession?.isServerVerified == false)
            #expect(client.serverCertificate?.issuer == authority.certificate.subject)
            await client.close()
        }
    }

    @Test("refuses an expired server certificate")
    func expiredCertificate() async throws {
        let directory = try TemporaryDirectory()
        let authority = try Fixtures.authority(notBefore: Date().addingTimeInterval(-86_400 * 10))
        let issued = try authority.issue(
            Fixtures.serverRequest(duration: .seconds(86_400)),
            at: Date().addingTimeInterval(-86_400 * 3))
        let files = try issued.write(to: try directory.subdirectory("server"))

        try await withMemcached(tls: files, in: directory) { server in
            let error = await #expect(throws: MemcachedClientError.self) {
                _ = try await MemcachedClient.connect(
                    host: "127.0.0.1", port: server.port, tls: Fixtures.tls(trusting: authority))
            }
            #expect(error?.code == .verificationFailed)
            #expect(error?.verificationFailure?.reason == .expired)
            #expect(error?.description.contains("expired") == true)
        }
    }

    @Test("a server with ssl_verify_mode=2 requires a client certificate from its CA")
    func clientCertificateRequired() async throws {
        let directory = try TemporaryDirectory()
        let authority = try Fixtures.authority()
        let files = try authority.issue(Fixtures.serverRequest())
            .write(to: try directory.subdirectory("server"))
        let client = try authority.issue(Fixtures.clientRequest())
        let stranger = try Fixtures.authority("rogue CA").issue(Fixtures.clientRequest())

        try await withMemcached(tls: files, verifyMode: 2, in: directory) { server in
            let settings = try await MemcachedClient.connect(
                host: "127.0.0.1", port: server.port,
                tls: Fixtures.tls(trusting: authority, identity: client))
            // memcached shows OpenSSL's flags: SSL_VERIFY_PEER | FAIL_IF_NO_PEER_CERT.
            #expect(try await settings.statsSettings()["ssl_verify_mode"] == "3")
            await settings.close()

            // Under TLS 1.3 the refusal arrives on the first read, so each attempt does a
            // version round trip.
            for identity in [nil, stranger] {
                let refused = await #expect(throws: MemcachedClientError.self) {
                    let anonymous = try await MemcachedClient.connect(
                        host: "127.0.0.1", port: server.port,
                        tls: Fixtures.tls(trusting: authority, identity: identity))
                    _ = try await anonymous.version()
                }
                let code = try #require(refused?.code)
                #expect([.tlsFailure, .handshakeFailed, .connectionClosed].contains(code))
            }
        }
    }

    @Test("a live refresh_certs serves the new certificate and keeps connections and data")
    func liveRefresh() async throws {
        let directory = try TemporaryDirectory()
        let authority = try Fixtures.authority()
        let first = try authority.issue(Fixtures.serverRequest())
        let serverDirectory = try directory.subdirectory("server")
        let files = try first.write(to: serverDirectory)
        let tls = Fixtures.tls(trusting: authority)

        try await withMemcached(tls: files, in: directory) { server in
            let open = try await MemcachedClient.connect(
                host: "127.0.0.1", port: server.port, tls: tls)
            try await open.set("cached", value: Array("kept".utf8))
            #expect(open.serverCertificate == first.certificate)

            let second = try authority.issue(Fixtures.serverRequest())
            try second.write(to: serverDirectory)
            try MemcachedServer.handOver(serverDirectory)
            let preflight = ReloadPreflight(clientCA: try files.readCA(), hosts: ["127.0.0.1"])
            #expect(preflight.check(files).isValid)
            try await open.refreshCertificates()

            #expect(try await open.version().isEmpty == false)
            #expect(try await open.get("cached")?.string == "kept")
            let fresh = try await MemcachedClient.connect(
                host: "127.0.0.1", port: server.port, tls: tls)
            #expect(
                fresh.serverCertificate?.sha256FingerprintHex
                    == second.certificate.sha256FingerprintHex)
            #expect(fresh.serverCertificate != first.certificate)
            #expect(try await fresh.get("cached")?.string == "kept")
            await fresh.close()
            await open.close()
        }
    }

    @Test("the pre-flight check refuses a mismatched pair that would break memcached")
    func preflightStopsMismatchedPair() async throws {
        let directory = try TemporaryDirectory()
        let authority = try Fixtures.authority()
        let first = try authority.issue(Fixtures.serverRequest())
        let serverDirectory = try directory.subdirectory("server")
        let files = try first.write(to: serverDirectory)
        let tls = Fixtures.tls(trusting: authority)

        try await withMemcached(tls: files, in: directory) { server in
            let admin = try await MemcachedClient.connect(
                host: "127.0.0.1", port: server.port, tls: tls)

            // A new certificate beside the old key: the kind of pair a half-finished
            // rotation leaves behind.
            let second = try authority.issue(Fixtures.serverRequest())
            try FileManager.default.removeItem(atPath: files.certificatePath)
            try second.certificate.pemEncoded.write(
                toFile: files.certificatePath, atomically: true, encoding: .utf8)
            try MemcachedServer.handOver(serverDirectory)

            let preflight = ReloadPreflight(clientCA: [authority.certificate], hosts: ["127.0.0.1"])
            let verdict = preflight.check(files)
            #expect(verdict.reasons == [.keyMismatch])

            // Not reloaded, so memcached still serves the old, good certificate.
            let before = try await MemcachedClient.connect(
                host: "127.0.0.1", port: server.port, tls: tls)
            #expect(before.serverCertificate == first.certificate)
            await before.close()

            // What the check prevents: memcached loads the new certificate into its live
            // context, refuses the key, and from then on every new handshake fails.
            let halfway = await #expect(throws: MemcachedClientError.self) {
                try await admin.refreshCertificates()
            }
            #expect(halfway?.detail.contains("mismatch") == true)
            let broken = await #expect(throws: MemcachedClientError.self) {
                let client = try await MemcachedClient.connect(
                    host: "127.0.0.1", port: server.port, tls: tls)
                _ = try await client.version()
            }
            #expect(broken?.code == .handshakeFailed || broken?.code == .connectionClosed)

            // A good pair, checked first, repairs it over the connection that stayed open.
            let repaired = try second.write(to: serverDirectory)
            try MemcachedServer.handOver(serverDirectory)
            #expect(preflight.check(repaired).isValid)
            try await admin.refreshCertificates()
            let after = try await MemcachedClient.connect(
                host: "127.0.0.1", port: server.port, tls: tls)
            #expect(after.serverCertificate == second.certificate)
            await after.close()
            await admin.close()
        }
    }

    @Test("refresh_certs with an unreadable certificate is refused and the old one keeps serving")
    func refusedRefresh() async throws {
        let directory = try TemporaryDirectory()
        let authority = try Fixtures.authority()
        let issued = try authority.issue(Fixtures.serverRequest())
        let files = try issued.write(to: try directory.subdirectory("server"))
        let tls = Fixtures.tls(trusting: authority)

        try await withMemcached(tls: files, in: directory) { server in
            let admin = try await MemcachedClient.connect(
                host: "127.0.0.1", port: server.port, tls: tls)
            try "not a certificate\n".write(
                toFile: files.certificatePath, atomically: true, encoding: .utf8)
            try MemcachedServer.handOver(files.directory)

            let refused = await #expect(throws: MemcachedClientError.self) {
                try await admin.refreshCertificates()
            }
            #expect(refused?.code == .serverError)
            #expect(refused?.operation == "refresh_certs")
            #expect(refused?.detail.contains("certificate") == true)

            let client = try await MemcachedClient.connect(
                host: "127.0.0.1", port: server.port, tls: tls)
            #expect(client.serverCertificate == issued.certificate)
            await client.close()
            await admin.close()
        }
    }

    @Test("a TLS client talking to a plain server fails its handshake and says why")
    func handshakeAgainstPlainServer() async throws {
        let directory = try TemporaryDirectory()
        let authority = try Fixtures.authority()
        try await withMemcached(tls: nil, in: directory) { server in
            let error = await #expect(throws: MemcachedClientError.self) {
                _ = try await MemcachedClient.connect(
                    host: "127.0.0.1", port: server.port, tls: Fixtures.tls(trusting: authority),
                    timeout: .seconds(2))
            }
            #expect(error?.code == .handshakeFailed)
            #expect(error?.operation == "TLS handshake")
            #expect(error?.detail.isEmpty == false)
        }
    }

    @Test("writing to a connection the server closed is an error, not SIGPIPE")
    func noSIGPIPE() async throws {
        let directory = try TemporaryDirectory()
        let authority = try Fixtures.authority()
        let files = try authority.issue(Fixtures.serverRequest())
            .write(to: try directory.subdirectory("server"))
        let previous = signal(SIGPIPE, SIG_DFL)
        defer { signal(SIGPIPE, previous) }

        for tls in [nil, Fixtures.tls(trusting: authority)] {
            let server = try await MemcachedServer.start(
                tls: tls == nil ? nil : files, log: directory.file("memcached.log"))
            let client = try await MemcachedClient.connect(
                host: "127.0.0.1", port: server.port, tls: tls)
            await server.stop()

            let big = [UInt8](repeating: 120, count: 4 << 20)
            let error = await #expect(throws: MemcachedClientError.self) {
                try await client.set("big", value: big)
                try await client.set("big", value: big)
            }
            let code = try #require(error?.code)
            #expect([.connectionClosed, .ioFailure, .tlsFailure].contains(code))
        }
    }
}

@Suite("connecting")
struct ConnectingTests {
    @Test("a port nobody listens on is reported as connection refused")
    func connectionRefused() async throws {
        let port = try FreePort.next()
        let error = await #expect(throws: MemcachedClientError.self) {
            _ = try await MemcachedClient.connect(host: "127.0.0.1", port: port)
        }
        #expect(error?.code == .connectionRefused)
        #expect(error?.port == port)
        #expect(error?.description.contains("127.0.0.1:\(port)") == true)
    }

    @Test("a server that never answers times out")
    func silentServerTimesOut() async throws {
        let listener = try FreePort.silentListener()
        defer { close(listener.fd) }
        let authority = try Fixtures.authority()
        let started = ContinuousClock.now

        let error = await #expect(throws: MemcachedClientError.self) {
            _ = try await MemcachedClient.connect(
                host: "127.0.0.1", port: listener.port, tls: Fixtures.tls(trusting: authority),
                timeout: .milliseconds(300))
        }
        #expect(error?.code == .timedOut)
        #expect(error?.operation == "TLS handshake")
        // Generous, as the machine may be busy; without the timeout it would take forever.
        #expect(ContinuousClock.now - started < .seconds(10))
    }

    @Test("blocked handshakes do not hold Swift concurrency threads")
    func blockedSocketsLeaveExecutorFree() async throws {
        let listener = try FreePort.silentListener()
        defer { close(listener.fd) }
        let authority = try Fixtures.authority()
        let tls = Fixtures.tls(trusting: authority)
        let blocked = ProcessInfo.processInfo.activeProcessorCount * 2 + 2

        // More handshakes than the cooperative pool has threads, each waiting 30 seconds
        // for a server that never answers.
        let connects = (0..<blocked).map { _ in
            Task {
                try await MemcachedClient.connect(
                    host: "127.0.0.1", port: listener.port, tls: tls, timeout: .seconds(30))
            }
        }
        try await Task.sleep(for: .milliseconds(200))

        // Work that needs a pool thread still runs at once.
        let started = ContinuousClock.now
        let answer = await Task.detached { (1...1000).reduce(0, +) }.value
        #expect(answer == 500_500)
        #expect(ContinuousClock.now - started < .seconds(5))

        for connect in connects { connect.cancel() }
        for connect in connects {
            let error = await #expect(throws: MemcachedClientError.self) {
                _ = try await connect.value
            }
            #expect(error?.code == .cancelled)
        }
    }

    @Test("cancelling the task stops a blocked handshake")
    func cancellation() async throws {
        let listener = try FreePort.silentListener()
        defer { close(listener.fd) }
        let authority = try Fixtures.authority()
        let task = Task {
            try await MemcachedClient.connect(
                host: "127.0.0.1", port: listener.port, tls: Fixtures.tls(trusting: authority),
                timeout: .seconds(30))
        }
        try await Task.sleep(for: .milliseconds(100))
        let started = ContinuousClock.now
        task.cancel()
        let error = await #expect(throws: MemcachedClientError.self) { _ = try await task.value }
        #expect(error?.code == .cancelled)
        #expect(ContinuousClock.now - started < .seconds(2))
    }

    @Test("an unknown host name is reported as not found")
    func unknownHost() async throws {
        let error = await #expect(throws: MemcachedClientError.self) {
            _ = try await MemcachedClient.connect(host: "no-such-host.invalid", port: 11211)
        }
        #expect(error?.code == .hostNotFound)
    }
}
