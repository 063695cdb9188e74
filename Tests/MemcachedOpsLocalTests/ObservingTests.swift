import Foundation
import MemcachedOps
@testable import MemcachedOpsLocal
import MemcachedOpsRuntime
import MemcachedOpsTLS
import Testing

@Suite("Observing a real fleet without a handshake per pod", .enabled(if: memcachedInstalled))
struct ObservingTests {
    /// The fingerprint each pod is observed to present, and whether it is ready.
    private func observe(_ test: TestFleet) async throws -> [String: ObservedPod] {
        let request = test.fleet.makeRequest(named: "observer", .rotateCertificates)
        let state = try await test.fleet.observe(for: request)
        return Dictionary(uniqueKeysWithValues: state.pods.map { ($0.name, $0) })
    }

    @Test("a remembered handshake is used only while the pod's pid and files are unchanged")
    func rememberedOnlyWhileUnchanged() async throws {
        try await withFleet { test in
            let fleet = test.fleet
            #expect(try await test.run("add", .addTLS(issuer: "local-ca")).isSuccessful)
            let server = try #require(TLSFiles.fingerprint(test, certificate: "memcd-server-cert"))

            // Observing confirms each pod by handshake once, then remembers it.
            for _ in 0..<2 {
                for (name, pod) in try await observe(test) {
                    #expect(pod.ready && pod.servesTLS && pod.fingerprint == server, "\(name)")
                }
            }
            for pod in try fleet.pods() {
                let basis = try #require(fleet.servedBasis(pod))
                #expect(fleet.served.fingerprint(of: pod.name, basis: basis) == server)
            }

            // Behind the fleet's back, memcd-0 gets other files and reloads them: its files
            // change, so the next observation handshakes and sees the new certificate.
            let directory = try #require(fleet.pods().first { $0.name == "memcd-0" })
            let stranger = try CertificateAuthority.create(
                CertificateRequest(commonName: "stranger CA", organizations: ["mcops tests"]))
            let issued = try stranger.issue(
                CertificateRequest(commonName: "memcd", ipAddresses: ["127.0.0.1"]))
            let staging = fleet.layout.podStagingDirectory(directory.name)
            let written = try issued.write(to: staging + "-source")
            try fleet.copy(written, to: TLSSecretFiles(directory: staging))
            try fleet.install(
                TLSSecretFiles(directory: staging), into: fleet.serverFiles(of: "memcd-0").directory
            )
            let admin = try await MemcachedClient.connect(
                host: "127.0.0.1", port: directory.port,
                tls: TLSClientConfiguration(verifiesServer: false))
            try await admin.refreshCertificates()
            await admin.close()

            let after = try await observe(test)
            #expect(after["memcd-0"]?.fingerprint == issued.certificate.sha256FingerprintHex)
            #expect(after["memcd-0"]?.ready == true)
            #expect(after["memcd-1"]?.fingerprint == server)

            // A pod that dies is not ready at once, whatever was remembered.
            let victim = try #require(fleet.pods().first { $0.name == "memcd-1" }?.pid)
            kill(victim, SIGKILL)
            for _ in 0..<100 where ProcessTable.exists(victim) {
                try await Task.sleep(for: .milliseconds(10))
            }
            let dead = try await observe(test)
            #expect(dead["memcd-1"]?.ready == false)
            #expect(dead["memcd-2"]?.ready == true)
            #expect(dead["memcd-2"]?.fingerprint == server)
            try? FileManager.default.removeItem(atPath: staging + "-source")
        }
    }

    @Test("a rotation by live reload leaves each pod remembered with its new certificate")
    func rotationIsRemembered() async throws {
        try await withFleet { test in
            let fleet = test.fleet
            #expect(try await test.run("add", .addTLS(issuer: "local-ca")).isSuccessful)
            let old = TLSFiles.fingerprint(test, certificate: "memcd-server-cert")
            #expect(
                try await test.run("rotate", .rotateCertificates, strategy: .reload).isSuccessful)
            let new = try #require(TLSFiles.fingerprint(test, certificate: "memcd-server-cert"))
            #expect(new != old)
            for pod in try fleet.pods() {
                let basis = try #require(fleet.servedBasis(pod))
                #expect(fleet.served.fingerprint(of: pod.name, basis: basis) == new, "\(pod.name)")
            }
            for (name, pod) in try await observe(test) {
                #expect(pod.ready && pod.fingerprint == new, "\(name)")
            }
            #expect(try await test.presented().values.allSatisfy { $0 == new })
        }
    }
}
