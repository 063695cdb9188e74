import COpenSSL
import Foundation
@testable import MemcachedOpsTLS
import Synchronization
import Testing

@Suite("sharing TLS contexts between connections")
struct TLSContextCacheTests {
    /// Looks a configuration up in `cache`, counting builds, and frees the reference.
    private func lookUp(
        _ configuration: TLSClientConfiguration, in cache: TLSContextCache,
        builds: borrowing Mutex<Int>
    ) throws -> OpaquePointer {
        let context = try cache.context(for: configuration) {
            () throws(MemcachedClientError) -> OpaquePointer in
            builds.withLock { $0 += 1 }
            return try TLSContextFactory.make(configuration) { code, detail in
                MemcachedClientError(code, host: "test", port: 0, operation: "test", detail: detail)
            }
        }
        SSL_CTX_free(context)
        return context
    }

    @Test("equal settings share one context; other settings get their own, up to the capacity")
    func sharing() throws {
        let cache = TLSContextCache(capacity: 2)
        let builds = Mutex(0)
        let authority = try Fixtures.authority()
        let other = try Fixtures.authority("other CA")

        let first = try lookUp(Fixtures.tls(trusting: authority), in: cache, builds: builds)
        // Built separately from the same certificate: the same settings.
        let again = try lookUp(Fixtures.tls(trusting: authority), in: cache, builds: builds)
        #expect(first == again)
        #expect(builds.withLock { $0 } == 1)

        let trustingOther = try lookUp(Fixtures.tls(trusting: other), in: cache, builds: builds)
        #expect(trustingOther != first)
        var newer = Fixtures.tls(trusting: authority)
        newer.minimumVersion = .tls13
        _ = try lookUp(newer, in: cache, builds: builds)
        #expect(builds.withLock { $0 } == 3)
        #expect(cache.count == 2)

        // Trust roots do not matter when the server is not verified.
        let unverified = TLSClientConfiguration(trustRoots: .system, verifiesServer: false)
        var unverifiedOther = unverified
        unverifiedOther.trustRoots = .certificates([other.certificate])
        let a = try lookUp(unverified, in: cache, builds: builds)
        let b = try lookUp(unverifiedOther, in: cache, builds: builds)
        #expect(a == b)
        #expect(builds.withLock { $0 } == 4)
        #expect(cache.count == 2)
        cache.removeAll()
        #expect(cache.count == 0)
    }

    @Test("a configuration OpenSSL refuses fails the same way every time and is not kept")
    func refusedIsNotKept() throws {
        let cache = TLSContextCache(capacity: 4)
        let builds = Mutex(0)
        let authority = try Fixtures.authority()
        let client = try authority.issue(Fixtures.clientRequest())
        let stranger = try authority.issue(Fixtures.clientRequest())
        let mismatched = TLSClientConfiguration(
            trustRoots: .certificates([authority.certificate]),
            clientIdentity: .init(
                certificateChain: client.chain, privateKey: stranger.privateKey))
        for attempt in 1...2 {
            let error = #expect(throws: MemcachedClientError.self) {
                _ = try lookUp(mismatched, in: cache, builds: builds)
            }
            #expect(error?.code == .invalidConfiguration)
            #expect(error?.detail.contains("is not the key of the client certificate") == true)
            #expect(builds.withLock { $0 } == attempt)
        }
        #expect(cache.count == 0)
    }

    @Test(
        "a shared context never lends one configuration's trust to another",
        .enabled(if: MemcachedServer.isInstalled))
    func trustIsNotShared() async throws {
        let directory = try TemporaryDirectory()
        let authority = try Fixtures.authority()
        let rogue = try Fixtures.authority("rogue CA")
        let files = try authority.issue(Fixtures.serverRequest())
            .write(to: try directory.subdirectory("server"))

        try await withMemcached(tls: files, in: directory) { server in
            for _ in 0..<3 {
                let client = try await MemcachedClient.connect(
                    host: "127.0.0.1", port: server.port, tls: Fixtures.tls(trusting: authority))
                #expect(try await client.version().isEmpty == false)
                #expect(client.tlsSession?.isServerVerified == true)
                await client.close()

                let refused = await #expect(throws: MemcachedClientError.self) {
                    let stranger = try await MemcachedClient.connect(
                        host: "127.0.0.1", port: server.port, tls: Fixtures.tls(trusting: rogue))
                    await stranger.close()
                }
                #expect(refused?.code == .verificationFailed)

                var unverified = Fixtures.tls(trusting: rogue)
                unverified.verifiesServer = false
                let inspecting = try await MemcachedClient.connect(
                    host: "127.0.0.1", port: server.port, tls: unverified)
                #expect(inspecting.tlsSession?.isServerVerified == false)
                await inspecting.close()
            }
        }
    }
}
