import MemcachedOps
import MemcachedOpsRuntime
import Testing

/// What a caller sees of a reconciler: cancellation, the event stream, and log records.
@Suite("Reconciler: cancellation, events and logging")
struct ReconcilerBehaviourTests {
    typealias Fixtures = RuntimeFixtures

    @Test("cancelling the task stops the run; a new reconciler continues the work")
    func cancellation() async throws {
        let slow = SimulatedLatencies(podRestart: .seconds(3600), certificateIssue: .seconds(10))
        let cluster = Fixtures.cluster(for: .rotateCertificates, replicas: 3, latencies: slow)
        let request = await cluster.submit(Fixtures.request(.rotateCertificates))
        let reconciler = cluster.boundedReconciler(
            options: PlanOptions(strategy: .restart), pollInterval: .seconds(60))

        let task = Task {
            try await reconciler.run(request) { event in
                guard case .stepFinished(let step, .pending) = event,
                    step.action == .waitForPodReady
                else { return }
                withUnsafeCurrentTask { $0?.cancel() }
            }
        }
        let result = await task.result
        #expect(throws: CancellationError.self) { try result.get() }

        let history = await cluster.history
        #expect(history.performedSteps.last?.action == .waitForPodReady)
        #expect(history.performedSteps.filter { $0.action == .waitForPodReady }.count == 1)
        #expect(history.restartedPods == ["memcd-quickstart-0"])
        #expect(await cluster.isDatabasePaused)

        let outcome = try await reconciler.run(request)
        #expect(outcome.isSuccessful)
        #expect(await cluster.history.repeatedChanges.isEmpty)
        #expect(await !cluster.isDatabasePaused)
    }

    @Test("ending the event stream cancels the reconciler behind it")
    func streamTermination() async throws {
        let cluster = Fixtures.cluster(
            for: .rotateCertificates, replicas: 3,
            faults: [.podNeverReady("memcd-quickstart-0")])
        let request = await cluster.submit(Fixtures.request(.rotateCertificates))
        let reconciler = cluster.reconciler(options: PlanOptions(strategy: .restart))

        for try await event in reconciler.events(for: request) {
            if case .stepFinished(let step, .pending) = event, step.action == .waitForPodReady {
                break
            }
        }
        // Without a timeout the run would poll the pod forever; cancelled, it stops. Wait
        // (in real time) until the count of steps stops moving, then check it stays put.
        var settled = await cluster.history.performedSteps.count
        for _ in 0..<100 {
            try await Task.sleep(for: .milliseconds(20))
            let count = await cluster.history.performedSteps.count
            if count == settled { break }
            settled = count
        }
        try await Task.sleep(for: .milliseconds(100))
        #expect(await cluster.history.performedSteps.count == settled)
        let stored = await cluster.request(named: request.name, namespace: "demo")
        #expect(stored?.status?.phase == .progressing)
    }

    @Test("the event stream reports plans, steps and the end, in order")
    func eventOrder() async throws {
        let cluster = Fixtures.cluster(for: .addTLS, replicas: 3)
        let request = await cluster.submit(Fixtures.request(.addTLS))
        var events: [ReconcileEvent] = []
        for try await event in cluster.boundedReconciler().events(for: request) {
            events.append(event)
        }

        guard case .planned(let first) = events.first else {
            Issue.record("the first event is not a plan: \(String(describing: events.first))")
            return
        }
        #expect(first.disposition == .proceed)
        #expect(first.nextStep?.action == .pauseDatabase)
        guard case .ended(let status) = events.last else {
            Issue.record("the last event is not the end")
            return
        }
        #expect(status.phase == .successful)
        #expect(
            events.filter { if case .ended = $0 { return true } else { return false } }.count == 1)

        var plan: Plan?
        var open: PlanStep?
        for event in events.dropLast() {
            switch event {
            case .planned(let next):
                #expect(open == nil, "a plan arrived while a step was running")
                plan = next
            case .stepStarted(let step):
                #expect(open == nil)
                #expect(plan?.nextStep == step, "a step started that the last plan did not name")
                open = step
            case .stepFinished(let step, _):
                #expect(open == step)
                open = nil
            case .blocked, .ended:
                Issue.record("unexpected \(event)")
            }
        }
        let started = events.compactMap { event -> StepAction? in
            guard case .stepStarted(let step) = event else { return nil }
            return step.action
        }
        #expect(started.first == .pauseDatabase)
        #expect(started.last == .resumeDatabase)
        #expect(started.filter { $0 == .evictPod }.count == 3)
    }

    @Test("log records carry the request's metadata and no secret material")
    func logging() async throws {
        let records = Collector<OpsLogger.Record>()
        let logger = OpsLogger(level: .debug) { records.append($0) }
        let cluster = Fixtures.cluster(
            for: .rotateCertificates, replicas: 3,
            faults: [.stepFails(.reloadPod, target: "memcd-quickstart-2", times: 1)])
        let request = await cluster.submit(Fixtures.request(.rotateCertificates))
        let keysBefore = await Self.privateKeys(cluster)
        let outcome = try await cluster.boundedReconciler(logger: logger).run(request)
        let keysAfter = await Self.privateKeys(cluster)
        #expect(outcome.isSuccessful)
        #expect(keysBefore.count == 3 && keysAfter.count == 3)

        let all = records.all
        #expect(!all.isEmpty)
        for record in all {
            #expect(record.metadata["mcops.namespace"] == "demo")
            #expect(record.metadata["mcops.request"] == request.name)
            #expect(record.metadata["mcops.database"] == "memcd-quickstart")
            let text = ([record.message] + record.metadata.values).joined(separator: "\n")
            #expect(!text.contains("PRIVATE KEY"))
            for key in keysBefore + keysAfter {
                let body = key.split(separator: "\n")[1]
                #expect(!text.contains(body))
            }
        }
        let done = all.filter { $0.level == .info && $0.message.hasSuffix(": done") }
        #expect(done.count == outcome.performed.filter { $0.outcome == .completed }.count)
        #expect(done.allSatisfy { $0.metadata["mcops.step"] != nil })
        let warnings = all.filter { $0.level == .warning }
        #expect(warnings.count == 1)
        #expect(warnings.first?.metadata["mcops.step"] == "ReloadTLS--memcd-quickstart-2")
        #expect(all.contains { $0.level == .debug && $0.message.hasPrefix("planned:") })
    }

    /// The simulated private keys in the cluster's secrets.
    static func privateKeys(_ cluster: InMemoryCluster) async -> [String] {
        var keys: [String] = []
        for certificate in await cluster.certificates {
            if let key = await cluster.secret(named: certificate.name)?["tls.key"] {
                keys.append(key)
            }
        }
        return keys
    }

    @Test("a logger at info receives no debug records")
    func logLevel() async throws {
        let records = Collector<OpsLogger.Record>()
        let logger = OpsLogger(level: .info) { records.append($0) }
        let cluster = Fixtures.cluster(for: .removeTLS, replicas: 1)
        let request = await cluster.submit(Fixtures.request(.removeTLS))
        _ = try await cluster.boundedReconciler(logger: logger).run(request)
        #expect(!records.all.isEmpty)
        #expect(records.all.allSatisfy { $0.level >= .info })
    }
}
