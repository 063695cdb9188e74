import MemcachedOps
import MemcachedOpsLocal
import MemcachedOpsRuntime
import Testing

/// What one operation did to the fleet's clients.
private struct Observed {
    var outcome: ReconcileOutcome
    var traffic: TrafficReport
    var kept: Int
    var keys: Int
}

@Suite("The four operations on three real pods", .enabled(if: memcachedInstalled))
struct OperationTests {
    /// Loads keys, runs one request while a client reads and writes, and counts.
    private func operate(
        _ test: TestFleet, _ traffic: FleetTraffic, _ name: String,
        _ change: LocalFleet.TLSChange, _ strategy: ReloadStrategy
    ) async throws -> Observed {
        let keys = try await CachedKeys.load(60, into: test.fleet, prefix: name)
        traffic.reset()
        let outcome = try await test.run(name, change, strategy: strategy)
        try await Task.sleep(for: .milliseconds(30))
        let report = traffic.reset()
        let kept = try await keys.countKept(in: test.fleet)
        return Observed(outcome: outcome, traffic: report, kept: kept, keys: 60)
    }

    private func expectServes(
        _ test: TestFleet, certificate name: String?, _ comment: Comment
    ) async throws {
        let status = try await test.fleet.status()
        for pod in status.pods {
            #expect(pod.ready, comment)
            if let name {
                let secret = TLSFiles.fingerprint(test, certificate: name)
                #expect(pod.tls, comment)
                #expect(pod.certificateSHA256 == secret, "\(pod.name): \(comment)")
            } else {
                #expect(!pod.tls, comment)
                #expect(pod.certificateSHA256 == nil, comment)
            }
        }
    }

    @Test(
        "add, rotate, change issuer and remove TLS while a client reads and writes",
        arguments: [ReloadStrategy.restart, .automatic, .reload])
    func allFour(strategy: ReloadStrategy) async throws {
        try await withFleet { test in
            let fleet = test.fleet
            try fleet.addIssuer(named: "other-ca")
            let traffic = FleetTraffic(fleet: fleet)
            try traffic.start()
            defer { Task { await traffic.stop() } }
            let server = "memcd-server-cert"

            // Adding TLS needs restarts; the reload strategy is refused and changes nothing.
            if strategy == .reload {
                let refused = try await test.run(
                    "add-refused", .addTLS(issuer: "local-ca"),
                    strategy: .reload)
                guard case .refused(let refusal) = refused.ending else {
                    Issue.record("adding TLS with reload was not refused: \(refused.ending)")
                    return
                }
                #expect(refusal.code == "strategyCannotSwitchTLS")
                #expect(try fleet.database().spec.tls == nil)
                #expect(try fleet.pods().allSatisfy { !$0.tls && $0.restartCount == 0 })
            }
            let addStrategy: ReloadStrategy = strategy == .reload ? .automatic : strategy
            let add = try await operate(
                test, traffic, "add", .addTLS(issuer: "local-ca"),
                addStrategy)
            #expect(add.outcome.isSuccessful, "\(add.outcome.ending)")
            try await expectServes(test, certificate: server, "after adding TLS")
            #expect(try fleet.database().spec.tls?.issuerRef?.name == "local-ca")
            #expect(add.traffic.failures > 0, "restarts break the client's connections")
            #expect(add.kept == 0, "a restart without -e loses the cache")

            let before = try await test.presented()
            let rotate = try await operate(test, traffic, "rotate", .rotateCertificates, strategy)
            #expect(rotate.outcome.isSuccessful, "\(rotate.outcome.ending)")
            try await expectServes(test, certificate: server, "after rotating")
            #expect(try await test.presented().values.allSatisfy { !before.values.contains($0) })

            let change = try await operate(
                test, traffic, "change", .changeIssuer(to: "other-ca"),
                strategy)
            #expect(change.outcome.isSuccessful, "\(change.outcome.ending)")
            try await expectServes(test, certificate: server, "after changing the issuer")
            #expect(try fleet.database().spec.tls?.issuerRef?.name == "other-ca")
            #expect(TLSFiles.issuer(test, certificate: server)?.contains("other-ca") == true)

            for live in [rotate, change] {
                let reloads = live.outcome.performed.filter { $0.step.action == .reloadPod }
                let restarts = live.outcome.performed.filter { $0.step.action == .evictPod }
                if strategy == .restart {
                    #expect(reloads.isEmpty && restarts.count == 3)
                    #expect(live.kept == 0)
                } else {
                    #expect(restarts.isEmpty && reloads.count == 3)
                    #expect(live.traffic.failures == 0, "a live reload fails no client request")
                    #expect(live.traffic.requests > 0)
                    #expect(live.kept == live.keys, "a live reload keeps every cached key")
                }
            }

            if strategy == .reload {
                let refused = try await test.run("remove-refused", .removeTLS, strategy: .reload)
                guard case .refused = refused.ending else {
                    Issue.record("removing TLS with reload was not refused")
                    return
                }
            }
            let remove = try await operate(test, traffic, "remove", .removeTLS, addStrategy)
            #expect(remove.outcome.isSuccessful, "\(remove.outcome.ending)")
            try await expectServes(test, certificate: nil, "after removing TLS")
            #expect(try fleet.database().spec.tls == nil)
            #expect(TLSFiles.certificateNames(test).isEmpty, "no certificate is left")
            #expect(try fleet.database().status?.conditions?.isTrue("Paused") != true)
            _ = await traffic.stop()
        }
    }

    @Test("a restartable fleet keeps its cache when TLS is added and removed by restarts")
    func restartableKeepsCacheAcrossRestarts() async throws {
        try await withFleet(restartable: true) { test in
            let traffic = FleetTraffic(fleet: test.fleet)
            try traffic.start()
            let add = try await operate(
                test, traffic, "add", .addTLS(issuer: "local-ca"),
                .restart)
            #expect(add.outcome.isSuccessful)
            #expect(add.kept == add.keys)
            let remove = try await operate(test, traffic, "remove", .removeTLS, .restart)
            #expect(remove.outcome.isSuccessful)
            #expect(remove.kept == remove.keys)
            _ = await traffic.stop()
        }
    }
}
