import Foundation
import MemcachedOps
import MemcachedOpsLocal
import MemcachedOpsRuntime
import Testing

/// How the reconciler dies in a test.
enum Death: String, Sendable, CaseIterable, CustomStringConvertible {
    /// It stops after a step and its status were written (`maximumSteps`).
    case afterStatus
    /// It dies after a step took effect, before its status was written.
    case beforeStatus

    var description: String { rawValue }
}

/// The effects that must happen exactly once per request.
private struct Effects: Equatable, CustomStringConvertible {
    var restarts: [Int]
    var reloads: [Int]
    var revisions: [String: Int32]

    var description: String { "restarts \(restarts), reloads \(reloads), revisions \(revisions)" }

    static func of(_ fleet: LocalFleet) throws -> Effects {
        let pods = try fleet.pods()
        var revisions: [String: Int32] = [:]
        let directory = fleet.directory + "/certificates"
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) {
            let path = directory + "/\(name)/certificate.json"
            let json = try JSONReader.parse(try String(contentsOfFile: path, encoding: .utf8))
            let certificate = try MemcachedOps.Certificate(json: json)
            revisions[name] = certificate.status?.revision ?? 0
        }
        return Effects(
            restarts: pods.map(\.restartCount), reloads: pods.map(\.reloadCount),
            revisions: revisions)
    }
}

@Suite("The reconciler dies after each step in turn", .enabled(if: memcachedInstalled))
struct CrashRecoveryTests {
    /// Runs a request and kills its reconciler after step `k`, then starts a new one (on a
    /// new fleet object, as another process would). Checks that the request ends
    /// Successful, every effect happened exactly once, and the database is resumed.
    ///
    /// - Returns: Whether the reconciler was killed: `false` once `k` is past the last
    ///   step, which ends the loop over `k`.
    private func killed(
        _ test: TestFleet, name: String, change: LocalFleet.TLSChange,
        strategy: ReloadStrategy, k: Int, death: Death, expected: (Effects) -> Effects
    ) async throws -> Bool {
        let before = try Effects.of(test.fleet)
        let request = try test.fleet.record(test.fleet.makeRequest(named: name, change))

        var died = true
        var lastStep: StepAction?
        switch death {
        case .afterStatus:
            let first = try await test.reconciler(strategy).run(request, maximumSteps: k)
            if case .interrupted = first.ending {} else { died = false }
        case .beforeStatus:
            let dying = CrashingTransport(test.fleet, crashAfter: k)
            do {
                _ = try await test.reconciler(strategy, transport: dying).run(request)
                died = false
            } catch is CrashingTransport.Crash {
                lastStep = dying.lastStep
            }
        }
        if died, lastStep != .resumeDatabase {
            #expect(
                try test.fleet.database().status?.conditions?.isTrue("Paused") == true,
                "\(name) k=\(k): the database stays paused while the request is unfinished")
        }

        let reopened = try LocalFleet.open(at: test.fleet.directory)
        let second = try await Reconciler(
            transport: reopened, options: PlanOptions(strategy: strategy),
            pollInterval: .milliseconds(20)
        ).run(request)
        #expect(second.isSuccessful, "\(name) k=\(k): \(second.ending)")
        #expect(
            try test.fleet.database().status?.conditions?.isTrue("Paused") != true,
            "\(name) k=\(k): the database is resumed")
        let after = try Effects.of(test.fleet)
        #expect(
            after == expected(before),
            "\(name) k=\(k): effects \(after), expected \(expected(before))")
        #expect(try await test.fleet.status().pods.allSatisfy { $0.ready })
        return died
    }

    @Test(
        "adding and removing TLS by restarts: one restart per pod and request, one issue each",
        arguments: Death.allCases)
    func addAndRemove(death: Death) async throws {
        try await withFleet { test in
            var k = 1
            var adding = true
            var removing = true
            while adding || removing {
                if adding {
                    adding = try await killed(
                        test, name: "add-\(k)", change: .addTLS(issuer: "local-ca"),
                        strategy: .restart, k: k, death: death
                    ) { before in
                        Effects(
                            restarts: before.restarts.map { $0 + 1 }, reloads: before.reloads,
                            revisions: [
                                "memcd-client-cert": 1, "memcd-metrics-exporter-cert": 1,
                                "memcd-server-cert": 1,
                            ])
                    }
                } else {
                    #expect(
                        try await test.run("add-\(k)", .addTLS(issuer: "local-ca"))
                            .isSuccessful)
                }
                if removing {
                    removing = try await killed(
                        test, name: "remove-\(k)", change: .removeTLS, strategy: .restart,
                        k: k, death: death
                    ) { before in
                        Effects(
                            restarts: before.restarts.map { $0 + 1 }, reloads: before.reloads,
                            revisions: [:])
                    }
                } else {
                    #expect(try await test.run("remove-\(k)", .removeTLS).isSuccessful)
                }
                k += 1
            }
            #expect(k > 12, "the requests took \(k - 1) steps")
        }
    }

    @Test(
        "rotating by live reload: each pod reloads once, each certificate is re-issued once",
        arguments: Death.allCases)
    func rotate(death: Death) async throws {
        try await withFleet { test in
            #expect(try await test.run("add", .addTLS(issuer: "local-ca")).isSuccessful)
            var k = 1
            while try await killed(
                test, name: "rotate-\(k)", change: .rotateCertificates, strategy: .reload, k: k,
                death: death,
                expected: { before in
                    Effects(
                        restarts: before.restarts, reloads: before.reloads.map { $0 + 1 },
                        revisions: before.revisions.mapValues { $0 + 1 })
                })
            {
                k += 1
            }
            #expect(k > 10, "the rotation took \(k - 1) steps")
        }
    }
}
