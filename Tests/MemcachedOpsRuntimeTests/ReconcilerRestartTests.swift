import MemcachedOps
import MemcachedOpsRuntime
import Testing

/// The reconciler holds no list of its own: stopped after any step, or between a step and
/// its status write, and started afresh on the same cluster, it finishes the work without
/// doing anything twice and never leaves the database paused.
@Suite("Reconciler stopped and started again")
struct ReconcilerRestartTests {
    typealias Fixtures = RuntimeFixtures

    /// Restarts and issuing that take one poll of the reconciler, to keep the runs short.
    static let latencies = SimulatedLatencies(
        podRestart: .seconds(5), certificateIssue: .seconds(5))

    struct Case: Sendable, CustomTestStringConvertible {
        let operation: TLSOperation
        let strategy: ReloadStrategy
        var testDescription: String { "\(operation) with \(strategy)" }
    }

    static let cases: [Case] =
        TLSOperation.allCases.flatMap { operation in
            [ReloadStrategy.restart, .automatic].map { Case(operation: operation, strategy: $0) }
        } + [Case(operation: .rotateCertificates, strategy: .reload)]

    /// What one run does to a fresh three-pod cluster.
    struct Result {
        var outcome: ReconcileOutcome
        var history: ClusterHistory
        var paused: Bool
        var pods: [SimulatedPod]
    }

    @Test("killed after each step K in turn, a new reconciler finishes the work", arguments: cases)
    func killedAfterEachStep(_ testCase: Case) async throws {
        let options = PlanOptions(strategy: testCase.strategy)
        var stepsInFullRun: Int?
        var kill = 0
        while stepsInFullRun.map({ kill <= $0 }) ?? true {
            let cluster = Fixtures.cluster(
                for: testCase.operation, replicas: 3, latencies: Self.latencies)
            let request = await cluster.submit(Fixtures.request(testCase.operation))
            let first = try await cluster.boundedReconciler(options: options)
                .run(request, maximumSteps: kill)
            if first.ending == .interrupted {
                #expect(first.performed.count == kill)
            } else {
                stepsInFullRun = first.performed.count
            }
            let second = try await cluster.boundedReconciler(options: options).run(request)

            #expect(second.isSuccessful, "killed after \(kill) steps: \(second.ending)")
            #expect(await !cluster.isDatabasePaused, "killed after \(kill) steps")
            let history = await cluster.history
            #expect(history.repeatedChanges.isEmpty, "killed after \(kill) steps")
            for pod in await cluster.pods {
                #expect(pod.restartCount + pod.reloadCount == 1, "\(pod.name), kill \(kill)")
                #expect(pod.ready)
            }
            kill += 1
            if kill > 200 { break }
        }
        #expect(stepsInFullRun != nil)
    }

    @Test(
        "dying between a step and its status write, then restarting, repeats no change",
        arguments: cases)
    func crashBeforeStatusWrite(_ testCase: Case) async throws {
        let options = PlanOptions(strategy: testCase.strategy)
        var crashes = 0
        for step in 1...60 {
            let cluster = Fixtures.cluster(
                for: testCase.operation, replicas: 3, latencies: Self.latencies,
                faults: [.crashBeforeStatusWrite(afterStep: step)])
            let request = await cluster.submit(Fixtures.request(testCase.operation))
            do {
                _ = try await cluster.boundedReconciler(options: options).run(request)
                // The run ended before the step: every later step count ends too.
                break
            } catch let error as InMemoryClusterError {
                #expect(error.code == .simulatedCrash)
                crashes += 1
            }
            let outcome = try await cluster.boundedReconciler(options: options).run(request)

            #expect(outcome.isSuccessful, "crash at step \(step)")
            #expect(await !cluster.isDatabasePaused, "crash at step \(step)")
            let history = await cluster.history
            for pod in await cluster.pods {
                #expect(pod.restartCount + pod.reloadCount == 1, "\(pod.name), crash \(step)")
            }
            #expect(history.restartedPods.count == Set(history.restartedPods).count)
            #expect(history.reloadedPods.count == Set(history.reloadedPods).count)
            #expect(history.issuedCertificates.count == Set(history.issuedCertificates).count)
            #expect(history.events.filter { $0.kind == .databasePaused }.count == 1)
            #expect(history.events.filter { $0.kind == .databaseResumed }.count == 1)
            // At most the step whose record was lost is performed twice.
            #expect(history.repeatedChanges.count <= 1, "crash at step \(step)")
        }
        #expect(crashes > 10)
    }
}
