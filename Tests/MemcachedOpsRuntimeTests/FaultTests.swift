import MemcachedOps
import MemcachedOpsRuntime
import Testing

/// Faults injected into the in-memory cluster: the request retries what `spec.maxRetries`
/// allows, fails cleanly with the step and the reason otherwise, and always resumes the
/// database.
@Suite("Faults on the in-memory cluster")
struct FaultTests {
    typealias Fixtures = RuntimeFixtures

    /// The `Failed` condition's message of a finished request.
    static func failure(_ outcome: ReconcileOutcome) -> String {
        outcome.status?.conditions?.first { $0.type == "Failed" }?.message ?? ""
    }

    struct Retry: Sendable, CustomTestStringConvertible {
        let failures: Int?
        let maxRetries: Int32
        let succeeds: Bool
        var testDescription: String {
            "\(failures.map(String.init) ?? "endless") failures, maxRetries \(maxRetries)"
        }
    }

    @Test(
        "a failing step is retried while spec.maxRetries allows",
        arguments: [
            Retry(failures: 1, maxRetries: 1, succeeds: true),
            Retry(failures: 2, maxRetries: 1, succeeds: false),
            Retry(failures: 2, maxRetries: 2, succeeds: true),
            Retry(failures: 1, maxRetries: 0, succeeds: false),
            Retry(failures: nil, maxRetries: 3, succeeds: false),
        ])
    func retries(_ retry: Retry) async throws {
        let pod = "memcd-quickstart-1"
        let cluster = Fixtures.cluster(
            for: .rotateCertificates, replicas: 3,
            faults: [.stepFails(.evictPod, target: pod, times: retry.failures, message: "boom")])
        let request = await cluster.submit(
            Fixtures.request(.rotateCertificates, maxRetries: retry.maxRetries))
        let outcome = try await cluster.boundedReconciler(options: PlanOptions(strategy: .restart))
            .run(request)

        let evictions = outcome.performed.filter {
            $0.step.action == .evictPod && $0.step.target == pod
        }
        #expect(await !cluster.isDatabasePaused)
        if retry.succeeds {
            #expect(outcome.isSuccessful)
            #expect(evictions.count == (retry.failures ?? 0) + 1)
            #expect(evictions.last?.outcome == .completed)
            #expect(evictions.last?.step.attempt == (retry.failures ?? 0) + 1)
            #expect(await cluster.pod(named: pod)?.restartCount == 1)
        } else {
            #expect(outcome.status?.phase == .failed)
            #expect(evictions.count == Int(retry.maxRetries) + 1)
            #expect(evictions.allSatisfy { $0.outcome == .failed("boom") })
            let message = Self.failure(outcome)
            #expect(message.contains("step EvictPod--\(pod) failed after"))
            #expect(message.contains("boom"))
            #expect(outcome.performed.last?.step.action == .resumeDatabase)
            // The work stopped at the failing pod: the next one was never touched.
            #expect(await cluster.pod(named: "memcd-quickstart-2")?.restartCount == 0)
            #expect(await cluster.pod(named: pod)?.restartCount == 0)
        }
    }

    @Test("a pod that never gets ready fails the request at spec.timeout; the rest is left")
    func podNeverReady() async throws {
        let pod = "memcd-quickstart-0"
        let cluster = Fixtures.cluster(
            for: .changeIssuer, replicas: 3, faults: [.podNeverReady(pod)])
        let request = await cluster.submit(
            Fixtures.request(.changeIssuer, timeout: GoDuration("2m")))
        let start = cluster.clock.current
        let outcome = try await cluster.boundedReconciler(options: PlanOptions(strategy: .restart))
            .run(request)

        #expect(outcome.status?.phase == .failed)
        #expect(
            Self.failure(outcome).contains("step IsPodReady--\(pod) ran past spec.timeout 2m0s"))
        #expect(await !cluster.isDatabasePaused)
        #expect(await cluster.pod(named: pod)?.ready == false)
        #expect(await cluster.history.restartedPods == [pod])
        #expect(await cluster.history.maximumUnavailablePods == 1)
        let elapsed = cluster.clock.current.duration(since: start)
        #expect(elapsed > GoDuration("2m") ?? GoDuration(seconds: 0))
        #expect(elapsed < GoDuration("3m") ?? GoDuration(seconds: 0))
    }

    @Test("a step that stalls times out with the step named")
    func stepStalls() async throws {
        let cluster = Fixtures.cluster(
            for: .rotateCertificates, replicas: 3, faults: [.stepStalls(.reloadPod)])
        let request = await cluster.submit(
            Fixtures.request(.rotateCertificates, timeout: GoDuration("90s")))
        let outcome = try await cluster.boundedReconciler().run(request)

        #expect(outcome.status?.phase == .failed)
        #expect(
            Self.failure(outcome).contains(
                "step ReloadTLS--memcd-quickstart-0 ran past spec.timeout 1m30s"))
        #expect(await !cluster.isDatabasePaused)
        #expect(await cluster.history.reloadedPods.isEmpty)
    }

    @Test("an issuer that disappears blocks the request, which then times out")
    func issuerDisappears() async throws {
        let cluster = Fixtures.cluster(
            for: .rotateCertificates, replicas: 3,
            faults: [.issuerDisappears(Fixtures.issuer, afterSteps: 1)])
        let request = await cluster.submit(
            Fixtures.request(.rotateCertificates, timeout: GoDuration("5m")))
        let events = Collector<ReconcileEvent>()
        let outcome = try await cluster.boundedReconciler().run(request) { events.append($0) }

        let blocked = events.all.compactMap { event -> BlockReason? in
            guard case .blocked(let reason) = event else { return nil }
            return reason
        }
        #expect(blocked == [.issuerMissing(kind: "Issuer", name: Fixtures.issuer)])
        #expect(outcome.status?.phase == .failed)
        let message = Self.failure(outcome)
        #expect(message.contains("step IssueCertificatesSucceeded was blocked longer than"))
        #expect(message.contains("Issuer memcached-ca-issuer does not exist"))
        #expect(await !cluster.isDatabasePaused)
        #expect(await cluster.history.restartedPods.isEmpty)
        #expect(await cluster.history.firedFaults.count == 1)
    }

    @Test("an issuer that comes back in time lets the request finish")
    func issuerComesBack() async throws {
        let cluster = Fixtures.cluster(
            for: .changeIssuer, replicas: 1,
            faults: [
                .issuerDisappears(Fixtures.newIssuer, afterSteps: 1, returnsAfter: .seconds(120))
            ])
        let request = await cluster.submit(
            Fixtures.request(.changeIssuer, timeout: GoDuration("10m")))
        let events = Collector<ReconcileEvent>()
        let outcome = try await cluster.boundedReconciler().run(request) { events.append($0) }

        #expect(outcome.isSuccessful)
        #expect(
            events.all.contains(.blocked(.issuerMissing(kind: "Issuer", name: "my-new-issuer"))))
        let server = await cluster.certificate(named: "memcd-quickstart-server-cert")
        #expect(server?.issuerRef?.name == Fixtures.newIssuer)
        #expect(server?.isIssued == true)
        let kinds = await cluster.history.events.map(\.kind)
        #expect(kinds.contains(.issuerRemoved(kind: "Issuer", name: Fixtures.newIssuer)))
        #expect(kinds.contains(.issuerAdded(kind: "Issuer", name: Fixtures.newIssuer)))
    }

    @Test("an unknown issuer fails the request at spec.timeout before anything changes")
    func unknownIssuer() async throws {
        let cluster = Fixtures.cluster(for: .addTLS, replicas: 3)
        var request = Fixtures.request(.addTLS, timeout: GoDuration("3m"))
        request.spec.tls?.issuerRef = Fixtures.issuerRef("no-such-issuer")
        request = await cluster.submit(request)
        let outcome = try await cluster.boundedReconciler().run(request)

        #expect(outcome.status?.phase == .failed)
        let message = Self.failure(outcome)
        #expect(message.contains("was blocked longer than spec.timeout 3m0s"))
        #expect(message.contains("Issuer no-such-issuer does not exist"))
        #expect(outcome.performed.isEmpty)
        let history = await cluster.history
        #expect(history.performedSteps.isEmpty)
        #expect(!history.events.contains { $0.changesDatabase })
        #expect(await cluster.database.spec.tls == nil)
    }

    @Test("a request waiting its turn behind another waits past spec.timeout")
    func waitsItsTurn() async throws {
        let cluster = Fixtures.cluster(for: .rotateCertificates, replicas: 1)
        await cluster.submit(Fixtures.request(.rotateCertificates, name: "first"))
        cluster.clock.advance(by: .seconds(1))
        let second = await cluster.submit(
            Fixtures.request(.rotateCertificates, name: "second", timeout: GoDuration("1m")))
        let clock = StoppingClock(
            base: cluster.clock, stopAt: cluster.clock.current.adding(GoDuration(seconds: 3600)))
        let reconciler = Reconciler(transport: cluster, clock: clock, pollInterval: .seconds(30))

        await #expect(throws: CancellationError.self) { try await reconciler.run(second) }
        let stored = await cluster.request(named: "second", namespace: "demo")
        #expect(stored?.status == nil)
        #expect(await cluster.history.performedSteps.isEmpty)
    }

    @Test("a certificate that never issues fails the request at spec.timeout")
    func certificateNeverIssues() async throws {
        let cluster = Fixtures.cluster(
            for: .addTLS, replicas: 3,
            faults: [.certificateNeverIssues("memcd-quickstart-server-cert")])
        let request = await cluster.submit(Fixtures.request(.addTLS, timeout: GoDuration("5m")))
        let outcome = try await cluster.boundedReconciler().run(request)

        #expect(outcome.status?.phase == .failed)
        #expect(Self.failure(outcome).contains("step CertificateSynced ran past spec.timeout"))
        #expect(await !cluster.isDatabasePaused)
        #expect(await cluster.history.restartedPods.isEmpty)
        #expect(await cluster.pods.allSatisfy { !$0.servesTLS })
    }
}
