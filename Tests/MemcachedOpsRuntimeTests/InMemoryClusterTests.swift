import MemcachedOps
import MemcachedOpsRuntime
import Testing

/// The in-memory cluster on its own: its starting state, its clock, what each step does,
/// and that doing a step twice is harmless.
@Suite("The in-memory cluster")
struct InMemoryClusterTests {
    typealias Fixtures = RuntimeFixtures

    /// The plan for a request on the cluster as it is now.
    static func plan(
        _ request: MemcachedOpsRequest, on cluster: InMemoryCluster,
        strategy: ReloadStrategy = .automatic
    ) async throws -> Plan {
        let state = await cluster.observe(for: request)
        return TLSPlanner.plan(
            request: request, state: state, options: PlanOptions(strategy: strategy),
            now: cluster.clock.current)
    }

    @Test("a new cluster is at rest: pods ready and serving the issued server certificate")
    func settled() async throws {
        let cluster = Fixtures.cluster(for: .rotateCertificates, replicas: 3)
        let request = Fixtures.request(.rotateCertificates)
        let state = await cluster.observe(for: request)

        #expect(state.pods.map(\.name) == (0..<3).map { "memcd-quickstart-\($0)" })
        #expect(state.certificates.count == 3)
        #expect(state.certificates.allSatisfy { $0.isIssued })
        let server = state.certificates.first { $0.alias == "server" }
        #expect(server?.fingerprint?.count == 64)
        for pod in state.pods {
            #expect(pod.ready && pod.servesTLS)
            #expect(pod.fingerprint == server?.fingerprint)
            #expect(pod.mountedCertificates.contains("memcd-quickstart-server-cert"))
        }
        #expect(!state.isDatabasePaused)
        #expect(state.database.status?.phase == .ready)
        #expect(await cluster.certificates.allSatisfy { $0.revision == 1 })
        #expect(await cluster.pods.allSatisfy { $0.cachedKeys == 1000 && $0.keptCache })
    }

    @Test("a cluster without TLS has plaintext pods and no certificates")
    func plaintext() async throws {
        let cluster = Fixtures.cluster(for: .addTLS, replicas: 2)
        let state = await cluster.observe(for: Fixtures.request(.addTLS))
        #expect(state.certificates.isEmpty)
        #expect(state.pods.allSatisfy { $0.ready && !$0.servesTLS && $0.fingerprint == nil })
        #expect(state.issuers.map(\.name) == [Fixtures.issuer, Fixtures.newIssuer])
    }

    @Test("the manual clock moves only when told, and sleeping moves it at once")
    func manualClock() async throws {
        let clock = ManualClock()
        #expect(clock.current == ManualClock.defaultStart)
        try await clock.sleep(for: .seconds(90))
        clock.advance(by: .milliseconds(1500))
        clock.advance(by: .seconds(-10))
        #expect(clock.current.duration(since: ManualClock.defaultStart) == GoDuration("91.5s"))
        #expect(await clock.now() == clock.current)
    }

    @Test("sleeping on the manual clock in a cancelled task throws and moves nothing")
    func manualClockCancellation() async {
        let clock = ManualClock()
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            try await clock.sleep(for: .seconds(60))
        }
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(clock.current == ManualClock.defaultStart)
    }

    @Test(
        "performing any step twice changes the cluster once",
        arguments: [
            ReloadStrategy.restart, .reload,
        ])
    func idempotentSteps(_ strategy: ReloadStrategy) async throws {
        let cluster = Fixtures.cluster(for: .changeIssuer, replicas: 2, latencies: .instant)
        let request = await cluster.submit(Fixtures.request(.changeIssuer))
        var performed = 0
        while performed < 100 {
            let current = await cluster.request(named: request.name, namespace: "demo")
            guard let current else { break }
            let plan = try await Self.plan(current, on: cluster, strategy: strategy)
            guard let step = plan.nextStep else { break }
            let first = try await cluster.perform(step, of: plan, for: current)
            let changes = await cluster.history.events.filter(\.changesDatabase).count
            let again = try await cluster.perform(step, of: plan, for: current)
            #expect(again == first, "\(step.action) \(step.target)")
            #expect(
                await cluster.history.events.filter(\.changesDatabase).count == changes,
                "\(step.action) \(step.target) changed the cluster a second time")
            let status = TLSStatusWriter.status(
                after: step, outcome: first, in: plan, for: current, now: cluster.clock.current)
            try await cluster.writeStatus(status, for: current)
            performed += 1
        }
        let stored = await cluster.request(named: request.name, namespace: "demo")
        #expect(stored?.status?.phase == .successful)
        let history = await cluster.history
        #expect(history.restartedPods.count == (strategy == .restart ? 2 : 0))
        #expect(history.reloadedPods.count == (strategy == .reload ? 2 : 0))
    }

    @Test("an evicted pod is down for the restart latency and loses its cache")
    func restartLatency() async throws {
        let cluster = Fixtures.cluster(for: .rotateCertificates, replicas: 2)
        let request = await cluster.submit(Fixtures.request(.rotateCertificates))
        let plan = try await Self.plan(request, on: cluster, strategy: .restart)
        let reissue = PlanStep(.reissueCertificates, target: "memcd-quickstart", operation: nil)
        _ = try await cluster.perform(reissue, of: plan, for: request)
        cluster.clock.advance(by: .seconds(10))
        let evict = PlanStep(.evictPod, target: "memcd-quickstart-1", operation: plan.operation)
        #expect(try await cluster.perform(evict, of: plan, for: request) == .completed)

        var pod = await cluster.pod(named: "memcd-quickstart-1")
        #expect(pod?.ready == false)
        #expect(pod?.cachedKeys == 0)
        #expect(pod?.keysLost == 1000)
        #expect(await cluster.database.status?.phase == .critical)
        cluster.clock.advance(by: .seconds(14))
        #expect(await cluster.pod(named: "memcd-quickstart-1")?.ready == false)
        cluster.clock.advance(by: .seconds(1))
        pod = await cluster.pod(named: "memcd-quickstart-1")
        #expect(pod?.ready == true)
        #expect(pod?.restartCount == 1)
        #expect(await cluster.database.status?.phase == .ready)
        #expect(await cluster.history.maximumUnavailablePods == 1)
    }

    @Test("cert-manager issues after the latency, and only from an issuer that exists")
    func issuing() async throws {
        let cluster = Fixtures.cluster(for: .addTLS, replicas: 1)
        await cluster.removeIssuer(Fixtures.issuer)
        let request = await cluster.submit(Fixtures.request(.addTLS))
        let plan = try await Self.plan(request, on: cluster)
        let name = "memcd-quickstart-server-cert"
        let apply = PlanStep(.applyCertificate, target: name, operation: .addTLS)
        #expect(try await cluster.perform(apply, of: plan, for: request) == .completed)
        var certificate = await cluster.certificate(named: name)
        #expect(certificate?.issuing == true && certificate?.ready == false)
        #expect(certificate?.secretPresent == false)
        #expect(await cluster.secret(named: name) == nil)

        cluster.clock.advance(by: .seconds(60))
        #expect(await cluster.certificate(named: name)?.isIssued == false)
        await cluster.addIssuer(ObservedIssuer(name: Fixtures.issuer, ready: true))
        cluster.clock.advance(by: .seconds(9))
        #expect(await cluster.certificate(named: name)?.isIssued == false)
        cluster.clock.advance(by: .seconds(1))
        certificate = await cluster.certificate(named: name)
        #expect(certificate?.isIssued == true)
        #expect(certificate?.revision == 1)
        #expect(
            certificate?.notAfter == cluster.clock.current.adding(GoDuration(seconds: 7_776_000)))
        let secret = await cluster.secret(named: name)
        #expect(secret?["tls.key"]?.contains("PRIVATE KEY") == true)
        #expect(secret?["tls.crt"]?.contains(certificate?.fingerprint ?? "-") == true)
    }

    @Test("verifying a pod that still serves the old certificate fails, naming both")
    func verifyOldCertificate() async throws {
        let cluster = Fixtures.cluster(for: .rotateCertificates, replicas: 1, latencies: .instant)
        let request = await cluster.submit(Fixtures.request(.rotateCertificates))
        let old = await cluster.pod(named: "memcd-quickstart-0")?.fingerprint ?? ""
        let plan = try await Self.plan(request, on: cluster, strategy: .reload)
        let reissue = PlanStep(.reissueCertificates, target: "memcd-quickstart", operation: nil)
        _ = try await cluster.perform(reissue, of: plan, for: request)
        cluster.clock.advance(by: .seconds(1))

        let verify = PlanStep(.verifyPod, target: "memcd-quickstart-0", operation: nil)
        let outcome = try await cluster.perform(verify, of: plan, for: request)
        guard case .failed(let message) = outcome else {
            Issue.record("verify did not fail: \(outcome)")
            return
        }
        #expect(message.contains(String(old.prefix(12))))
        #expect(!message.contains(old))
    }

    @Test("requests run in the order they were submitted")
    func requestOrder() async throws {
        let cluster = Fixtures.cluster(for: .rotateCertificates, replicas: 1)
        let first = await cluster.submit(Fixtures.request(.rotateCertificates, name: "first"))
        cluster.clock.advance(by: .seconds(1))
        let second = await cluster.submit(Fixtures.request(.rotateCertificates, name: "second"))

        let blocked = try await Self.plan(second, on: cluster)
        #expect(
            blocked.disposition
                == .blocked(.heldByAnotherRequest(database: "memcd-quickstart", request: "first")))
        #expect(try await cluster.reconciler().run(first).isSuccessful)
        #expect(try await cluster.reconciler().run(second).isSuccessful)
        #expect(await cluster.requests.map { $0.status?.phase } == [.successful, .successful])
        #expect(await cluster.history.issuedCertificates.count == 6)
    }

    @Test("writing the status of a request never submitted throws requestNotFound")
    func unknownRequest() async throws {
        let cluster = Fixtures.cluster(for: .rotateCertificates)
        let request = Fixtures.request(.rotateCertificates)
        await #expect(throws: InMemoryClusterError.self) {
            try await cluster.writeStatus(MemcachedOpsRequestStatus(phase: .failed), for: request)
        }
        #expect(await cluster.request(named: request.name, namespace: "demo") == nil)
    }
}
