import Testing

@testable import MemcachedOps

@Suite("Blocked, failing and finished plans")
struct DispositionTests {
    typealias Fixtures = PlannerFixtures

    static func simulation(
        _ operation: TLSOperation, replicas: Int32 = 3, strategy: ReloadStrategy = .restart,
        timeout: GoDuration? = GoDuration("5m"), maxRetries: Int32? = nil
    ) -> ClusterSimulation {
        ClusterSimulation(
            state: Fixtures.startingState(for: operation, replicas: replicas),
            request: Fixtures.request(
                "mc-req", tls: Fixtures.tls(for: operation), timeout: timeout,
                maxRetries: maxRetries),
            options: PlanOptions(strategy: strategy))
    }

    /// Performs steps until the next one has the given action.
    static func advance(_ simulation: inout ClusterSimulation, until action: StepAction) {
        var random = SplitMix64(seed: 7)
        for _ in 0..<100 {
            let plan = simulation.plan()
            if plan.nextStep?.action == action { return }
            simulation.turn(plan, random: &random)
            simulation.advance()
        }
    }

    @Test("a database that is not Ready blocks a request with apply IfReady")
    func notReady() {
        var simulation = Self.simulation(.rotateCertificates)
        simulation.state.database.status?.phase = .critical
        let plan = simulation.plan()
        #expect(
            plan.disposition
                == .blocked(.databaseNotReady(database: "memcd-quickstart", phase: "Critical")))
        #expect(plan.nextStep == nil)
        #expect(plan.steps.first?.action == .pauseDatabase)
    }

    @Test("apply Always runs on a database that is not Ready")
    func applyAlways() {
        var simulation = Self.simulation(.rotateCertificates)
        simulation.state.database.status?.phase = .critical
        simulation.request.spec.apply = .always
        #expect(simulation.plan().disposition == .proceed)
    }

    @Test("once started, the request's own restarts do not block it")
    func notReadyAfterStart() {
        var simulation = Self.simulation(.rotateCertificates)
        Self.advance(&simulation, until: .evictPod)
        simulation.state.database.status?.phase = .critical
        #expect(simulation.plan().disposition == .proceed)
    }

    @Test("a progressing request holds the database")
    func heldByProgressing() {
        var simulation = Self.simulation(.rotateCertificates)
        simulation.state.otherRequests = [
            ObservedRequest(name: "mc-scale", type: .horizontalScaling, phase: .progressing)
        ]
        #expect(
            simulation.plan().disposition
                == .blocked(
                    .heldByAnotherRequest(database: "memcd-quickstart", request: "mc-scale")))
    }

    @Test("an earlier pending request goes first; a later one waits for this one")
    func creationOrder() {
        var simulation = Self.simulation(.rotateCertificates)
        let earlier = Fixtures.start.adding(GoDuration(seconds: -5))
        let later = Fixtures.start.adding(GoDuration(seconds: 5))
        simulation.state.otherRequests = [
            ObservedRequest(name: "later", phase: .pending, creationTimestamp: later),
            ObservedRequest(name: "done", phase: .successful, creationTimestamp: earlier),
        ]
        #expect(simulation.plan().disposition == .proceed)
        simulation.state.otherRequests.append(
            ObservedRequest(name: "earlier", phase: .pending, creationTimestamp: earlier))
        #expect(
            simulation.plan().disposition
                == .blocked(.heldByAnotherRequest(database: "memcd-quickstart", request: "earlier"))
        )
    }

    @Test("a missing or unready issuer blocks before the start")
    func issuers() {
        var simulation = Self.simulation(.changeIssuer)
        simulation.state.issuers.removeAll { $0.name == "my-new-issuer" }
        #expect(
            simulation.plan().disposition
                == .blocked(.issuerMissing(kind: "Issuer", name: "my-new-issuer")))
        simulation.state.issuers.append(ObservedIssuer(name: "my-new-issuer", ready: false))
        #expect(
            simulation.plan().disposition
                == .blocked(.issuerNotReady(kind: "Issuer", name: "my-new-issuer")))
    }

    @Test("a request waiting for approval is blocked")
    func approval() {
        var simulation = Self.simulation(.rotateCertificates)
        simulation.request.status = MemcachedOpsRequestStatus(phase: .waitingForApproval)
        #expect(simulation.plan().disposition == .blocked(.awaitingApproval))
    }

    @Test("a pod that never gets ready fails the request after spec.timeout, and it resumes")
    func timeout() throws {
        var simulation = Self.simulation(.removeTLS, timeout: GoDuration("1m"))
        simulation.faults.podNeverReady = "memcd-quickstart-0"
        Self.advance(&simulation, until: .waitForPodReady)
        var random = SplitMix64(seed: 1)
        var plan = simulation.plan()
        for _ in 0..<20 where plan.disposition == .proceed {
            simulation.turn(plan, random: &random)
            simulation.advance()
            plan = simulation.plan()
        }
        guard case .failing(let failure) = plan.disposition else {
            Issue.record("expected a failing plan, got \(plan.disposition)")
            return
        }
        #expect(failure.step == "IsPodReady--memcd-quickstart-0")
        #expect(failure.code == "timedOut")
        #expect(plan.steps.map(\.action) == [.resumeDatabase])

        simulation.turn(plan, random: &random)
        #expect(simulation.request.status?.phase == .failed)
        #expect(!simulation.state.isDatabasePaused)
        let failed = try #require(simulation.request.status?.conditions?.condition("Failed"))
        #expect(failed.message?.contains("IsPodReady--memcd-quickstart-0") == true)
        #expect(failed.message?.contains("spec.timeout 1m0s") == true)
        #expect(simulation.plan().isFinished)
    }

    @Test("a failing step is retried spec.maxRetries times, then the request fails")
    func retries() {
        var simulation = Self.simulation(.rotateCertificates, maxRetries: 2)
        simulation.faults.failingAction = .evictPod
        simulation.faults.failures = 10
        Self.advance(&simulation, until: .evictPod)
        var random = SplitMix64(seed: 1)
        var attempts: [Int] = []
        for _ in 0..<5 {
            let plan = simulation.plan()
            guard plan.disposition == .proceed, let step = plan.nextStep else { break }
            attempts.append(step.attempt)
            simulation.turn(plan, random: &random)
        }
        #expect(attempts == [1, 2, 3])
        let plan = simulation.plan()
        guard case .failing(let failure) = plan.disposition,
            case .retriesExhausted(let failures, let lastError) = failure.cause
        else {
            Issue.record("expected retries exhausted, got \(plan.disposition)")
            return
        }
        #expect(failures == 3)
        #expect(lastError == "simulated failure of evictPod")
        #expect(failure.step == "EvictPod--memcd-quickstart-0")
    }

    @Test("a pod that is down blocks the eviction of another")
    func podUnavailable() {
        var simulation = Self.simulation(.rotateCertificates)
        Self.advance(&simulation, until: .evictPod)
        simulation.state.pods[2].ready = false
        let plan = simulation.plan()
        // The pod that is already down is moved first.
        #expect(plan.nextStep?.target == "memcd-quickstart-2")
        simulation.state.pods[1].ready = false
        #expect(
            simulation.plan().disposition == .blocked(.podUnavailable(pod: "memcd-quickstart-2")))
    }

    @Test("a certificate still served is not deleted")
    func certificateInUse() {
        var simulation = Self.simulation(.removeTLS, replicas: 1)
        Self.advance(&simulation, until: .deleteCertificate)
        simulation.state.pods[0].mountedCertificates = ["memcd-quickstart-client-cert"]
        #expect(
            simulation.plan().disposition
                == .blocked(
                    .certificateInUse(
                        certificate: "memcd-quickstart-client-cert", pod: "memcd-quickstart-0")))
    }

    @Test("a finished request plans nothing, even later")
    func finished() {
        var simulation = Self.simulation(.rotateCertificates)
        Self.advance(&simulation, until: .markSuccessful)
        var random = SplitMix64(seed: 1)
        simulation.turn(simulation.plan(), random: &random)
        simulation.turn(simulation.plan(), random: &random)
        simulation.advance(seconds: 86_400)
        let plan = simulation.plan()
        #expect(plan.isFinished && plan.steps.isEmpty && plan.nextStep == nil)
        #expect(plan.operation == .rotateCertificates)
    }

    @Test("a resumed reconciler finds the step after the last one recorded")
    func resumeAfterCrash() {
        var simulation = Self.simulation(.addTLS)
        Self.advance(&simulation, until: .evictPod)
        let before = simulation.plan()
        var random = SplitMix64(seed: 1)
        simulation.faults.crashChance = 1
        simulation.turn(before, random: &random)
        // The eviction happened but was not recorded: it is planned again, harmlessly.
        #expect(simulation.plan().nextStep == before.nextStep)
        simulation.faults.crashChance = 0
        simulation.turn(simulation.plan(), random: &random)
        #expect(simulation.plan().nextStep?.action == .waitForPodReady)
    }
}
