import MemcachedOps
import MemcachedOpsRuntime
import Testing

/// Every operation with every strategy, on one and three replicas, driven to its end by the
/// reconciler on the in-memory cluster.
@Suite("Operations on the in-memory cluster")
struct OperationRunTests {
    typealias Fixtures = RuntimeFixtures

    struct Run: Sendable, CustomTestStringConvertible {
        let operation: TLSOperation
        let strategy: ReloadStrategy
        let replicas: Int32
        var testDescription: String { "\(operation) with \(strategy) on \(replicas) replicas" }

        /// Whether the planner refuses the combination: `reload` cannot switch TLS.
        var refused: Bool { strategy == .reload && operation.switchesTLS }
        /// Whether pods are restarted rather than reloaded.
        var restarts: Bool { strategy == .restart || operation.switchesTLS }
    }

    static let runs: [Run] = TLSOperation.allCases.flatMap { operation in
        ReloadStrategy.allCases.flatMap { strategy in
            [Int32(1), 3].map { Run(operation: operation, strategy: strategy, replicas: $0) }
        }
    }

    @Test("every operation and strategy reaches its end on 1 and 3 replicas", arguments: runs)
    func reachesTheEnd(_ run: Run) async throws {
        let cluster = Fixtures.cluster(for: run.operation, replicas: run.replicas)
        let request = await cluster.submit(Fixtures.request(run.operation))
        let outcome = try await cluster.reconciler(options: PlanOptions(strategy: run.strategy))
            .run(request)

        let history = await cluster.history
        if run.refused {
            #expect(outcome.ending == .refused(.strategyCannotSwitchTLS(run.operation)))
            #expect(outcome.status?.phase == .failed)
            #expect(history.performedSteps.isEmpty)
            return
        }
        #expect(outcome.isSuccessful)
        let stored = await cluster.request(named: request.name, namespace: "demo")
        #expect(stored?.status?.phase == .successful)
        #expect(await !cluster.isDatabasePaused)
        #expect(history.maximumUnavailablePods <= 1)
        #expect(history.repeatedChanges.isEmpty)

        let pods = await cluster.pods
        let server = await cluster.certificates.first { $0.alias == "server" }
        for pod in pods {
            #expect(pod.ready)
            #expect(pod.servesTLS == (run.operation != .removeTLS))
            #expect(pod.fingerprint == (run.operation == .removeTLS ? nil : server?.fingerprint))
            #expect(pod.restartCount == (run.restarts ? 1 : 0))
            #expect(pod.reloadCount == (run.restarts ? 0 : 1))
            #expect(pod.keptCache == !run.restarts)
        }
        let database = await cluster.database
        #expect((database.spec.tls == nil) == (run.operation == .removeTLS))
        #expect(database.status?.phase == .ready)
        if run.operation == .removeTLS {
            #expect(await cluster.certificates.isEmpty)
        } else {
            #expect(await cluster.certificates.count == 3)
            #expect(await cluster.certificates.allSatisfy(\.isIssued))
        }
    }

    @Test(
        "under restart a run writes KubeDB's condition types in KubeDB's order",
        arguments: runs.filter { $0.strategy == .restart })
    func kubeDBOrder(_ run: Run) async throws {
        let cluster = Fixtures.cluster(for: run.operation, replicas: run.replicas)
        let request = await cluster.submit(Fixtures.request(run.operation))
        let outcome = try await cluster.reconciler(options: PlanOptions(strategy: .restart))
            .run(request)

        let types = outcome.status?.conditions?.map(\.type) ?? []
        let expected = Fixtures.kubeDBConditions(for: run.operation, replicas: Int(run.replicas))
        #expect(types == expected)
        #expect(outcome.status?.phase == .successful)
        let restarted = await cluster.history.restartedPods
        #expect(restarted == (0..<Int(run.replicas)).map { "memcd-quickstart-\($0)" })
    }

    @Test("a rotation issues every certificate again, once, with a new fingerprint")
    func rotationIssuesAgain() async throws {
        let cluster = Fixtures.cluster(for: .rotateCertificates, replicas: 3)
        let before = await cluster.certificates
        let request = await cluster.submit(Fixtures.request(.rotateCertificates))
        _ = try await cluster.reconciler().run(request)

        let after = await cluster.certificates
        #expect(after.map(\.name) == before.map(\.name))
        for (old, new) in zip(before, after) {
            #expect(new.revision == old.revision + 1)
            #expect(new.fingerprint != old.fingerprint)
        }
        #expect(await cluster.history.issuedCertificates.count == 3)
    }

    @Test("running a finished request again changes nothing")
    func finishedRequest() async throws {
        let cluster = Fixtures.cluster(for: .addTLS, replicas: 3)
        let request = await cluster.submit(Fixtures.request(.addTLS))
        _ = try await cluster.reconciler().run(request)
        let before = await cluster.history.events.count

        let again = try await cluster.reconciler().run(request)
        #expect(again.isSuccessful)
        #expect(again.performed.isEmpty)
        #expect(await cluster.history.events.count == before)
    }

    @Test("waits take simulated time: restarts and issuing as long as the latencies say")
    func simulatedTime() async throws {
        let latencies = SimulatedLatencies(
            podRestart: .seconds(60), certificateIssue: .seconds(20))
        let cluster = Fixtures.cluster(for: .addTLS, replicas: 3, latencies: latencies)
        let start = cluster.clock.current
        let request = await cluster.submit(Fixtures.request(.addTLS))
        _ = try await cluster.reconciler(pollInterval: .seconds(1)).run(request)

        let elapsed = cluster.clock.current.duration(since: start)
        #expect(elapsed >= GoDuration(seconds: 20 + 3 * 60))
        #expect(elapsed < GoDuration(seconds: 20 + 3 * 60 + 30))
    }
}
