import Foundation
import MemcachedOps
import MemcachedOpsLocal
import MemcachedOpsRuntime
import MemcachedOpsTLS
import Synchronization
import Testing

@Suite("Faults on a real fleet", .enabled(if: memcachedInstalled))
struct FaultTests {
    @Test(
        "a pod killed during a restart comes back, and the request still succeeds",
        arguments: ["memcd-1", "memcd-2"])
    func podKilledDuringRestart(victim: String) async throws {
        try await withFleet { test in
            let request = try test.fleet.record(
                test.fleet.makeRequest(named: "add", .addTLS(issuer: "local-ca")))
            let fleet = test.fleet
            let killed = Mutex(false)
            // Kill the victim right after memcd-1 was restarted: memcd-1 itself while it
            // comes back, or memcd-2 while memcd-1 is still on its way.
            let outcome = try await test.reconciler(.restart).run(request) { event in
                guard case .stepFinished(let step, .completed) = event,
                    step.action == .evictPod, step.target == "memcd-1",
                    let pid = try? fleet.pods().first(where: { $0.name == victim })?.pid
                else { return }
                let delivered = kill(pid, SIGKILL) == 0
                killed.withLock { $0 = $0 || delivered }
            }
            #expect(killed.withLock { $0 }, "the victim was killed")
            #expect(outcome.isSuccessful, "\(outcome.ending)")
            if victim == "memcd-1" {
                // Restarted for TLS, then brought back after the kill.
                #expect(try fleet.pods().first { $0.name == victim }?.restartCount == 2)
            }
            let status = try await fleet.status()
            let server = TLSFiles.fingerprint(test, certificate: "memcd-server-cert")
            for pod in status.pods {
                #expect(pod.ready && pod.tls && pod.certificateSHA256 == server, "\(pod.name)")
            }
            #expect(try fleet.database().status?.conditions?.isTrue("Paused") != true)
        }
    }

    @Test(
        "corrupted files before a reload: the check refuses, pods keep their certificate",
        arguments: ["mismatched key", "garbage certificate"])
    func corruptedBeforeReload(corruption: String) async throws {
        try await withFleet { test in
            let fleet = test.fleet
            #expect(try await test.run("add", .addTLS(issuer: "local-ca")).isSuccessful)
            let served = try await test.presented()
            let traffic = FleetTraffic(fleet: fleet)
            try traffic.start()

            let secret = TLSFiles.secret(test, certificate: "memcd-server-cert")
            let request = try fleet.record(
                fleet.makeRequest(named: "rotate", .rotateCertificates))
            let outcome = try await test.reconciler(.reload).run(request) { event in
                // Once the new certificates are issued, and before any pod reloads.
                guard case .stepFinished(let step, .completed) = event,
                    step.action == .waitForCertificates
                else { return }
                switch corruption {
                case "mismatched key":
                    let other = try? CertificateAuthority.create(
                        CertificateRequest(commonName: "not the key"))
                    let key = (try? other?.privateKey.pemEncoded(.pkcs8)) ?? []
                    #expect(
                        FileManager.default.createFile(
                            atPath: secret.privateKeyPath, contents: Data(key)))
                default:
                    #expect(
                        FileManager.default.createFile(
                            atPath: secret.certificatePath, contents: Data("garbage\n".utf8)))
                }
            }
            let report = await traffic.stop()

            guard case .failed(let reason) = outcome.ending else {
                Issue.record("the request did not fail: \(outcome.ending)")
                return
            }
            #expect(reason.contains("pre-flight check refused"), "\(reason)")
            #expect(outcome.status?.phase == .failed)
            #expect(try fleet.database().status?.conditions?.isTrue("Paused") != true)
            #expect(outcome.performed.filter { $0.step.action == .reloadPod }.count == 2)
            #expect(try fleet.pods().allSatisfy { $0.reloadCount == 0 })
            // Every pod still serves its old certificate, to new handshakes too.
            #expect(try await test.presented() == served)
            for pod in try fleet.pods() {
                let client = try await fleet.connect(to: pod.name)
                #expect(try await client.version().isEmpty == false)
                await client.close()
            }
            #expect(report.failures == 0)
        }
    }

    @Test("an unknown issuer: the request never starts, and times out with the reason")
    func unknownIssuer() async throws {
        try await withFleet(replicas: 1) { test in
            let fleet = test.fleet
            let request = try fleet.record(
                fleet.makeRequest(
                    named: "add", .addTLS(issuer: "no-such-ca"), timeout: GoDuration("2s")))
            let paused = Mutex(false)
            let clock = ContinuousClock()
            let started = clock.now
            let outcome = try await test.reconciler().run(request) { _ in
                let isPaused = (try? fleet.database().status?.conditions?.isTrue("Paused"))
                paused.withLock { $0 = $0 || isPaused == true }
            }
            guard case .failed(let reason) = outcome.ending else {
                Issue.record("the request did not fail: \(outcome.ending)")
                return
            }
            #expect(reason.contains("no-such-ca"), "\(reason)")
            #expect(reason.contains("2s"), "\(reason)")
            #expect(clock.now - started >= .seconds(1))
            #expect(outcome.status?.phase == .failed)
            #expect(!outcome.performed.contains { $0.step.action.changesCluster })
            #expect(!paused.withLock { $0 }, "the database was never paused")
            #expect(try fleet.pods().allSatisfy { !$0.tls && $0.restartCount == 0 })
            #expect(FileManager.default.fileExists(atPath: fleet.directory + "/certificates"))
            #expect(TLSFiles.certificateNames(test).isEmpty)
        }
    }

    @Test("an issuer that disappears after the start times the request out with a reason")
    func issuerGoneAfterStart() async throws {
        try await withFleet { test in
            let fleet = test.fleet
            #expect(try await test.run("add", .addTLS(issuer: "local-ca")).isSuccessful)
            try fleet.addIssuer(named: "other-ca")
            let served = try await test.presented()
            let request = try fleet.record(
                fleet.makeRequest(
                    named: "change", .changeIssuer(to: "other-ca"), timeout: GoDuration("2s")))
            let clock = ContinuousClock()
            let started = clock.now
            let outcome = try await test.reconciler().run(request) { event in
                if case .stepFinished(let step, _) = event, step.action == .pauseDatabase {
                    try? fleet.deleteIssuer(named: "other-ca")
                }
            }
            guard case .failed(let reason) = outcome.ending else {
                Issue.record("the request did not fail: \(outcome.ending)")
                return
            }
            #expect(reason.contains("other-ca"), "\(reason)")
            #expect(reason.contains("2s"), "\(reason)")
            #expect(clock.now - started >= .seconds(1))
            #expect(clock.now - started < .seconds(5))
            #expect(try fleet.database().status?.conditions?.isTrue("Paused") != true)
            #expect(try fleet.database().spec.tls?.issuerRef?.name == "local-ca")
            #expect(try await test.presented() == served)
        }
    }
}
