import Foundation
import Testing

@testable import MemcachedOps

/// The planner's invariants, checked in every state of many generated runs: 1 to 7
/// replicas, every operation, every strategy, every point of progress (each state of a run
/// is one), pods mid-restart, crashes between a step and its status write, and faults (a
/// pod that never gets ready, a certificate that never issues, issuers that disappear, a
/// step that fails, another request holding the database, a database not Ready).
@Suite("Planner invariants over generated runs")
struct PlannerPropertyTests {
    /// One generated run.
    struct Scenario: CustomStringConvertible {
        enum Fault: CaseIterable {
            case none, podNeverReady, certificateNeverIssues, issuersDisappear, stepFails
            case crashes, heldByAnotherRequest, databaseNotReady
        }

        var seed: UInt64
        var operation: TLSOperation
        var replicas: Int32
        var strategy: ReloadStrategy
        var fault: Fault
        var faults: SimulatedFaults
        var maxRetries: Int32
        var blockedTicks: Int

        var description: String {
            "seed \(seed): \(operation) on \(replicas) replicas, \(strategy), fault \(fault)"
        }
    }

    /// Invariant failures, kept short: the first few of each kind.
    struct Findings {
        private(set) var messages: [String] = []
        private var counts: [String: Int] = [:]

        mutating func record(_ invariant: String, _ scenario: Scenario, tick: Int, _ detail: String)
        {
            counts[invariant, default: 0] += 1
            guard counts[invariant, default: 0] <= 3 else { return }
            messages.append("\(invariant) [\(scenario), tick \(tick)]: \(detail)")
        }
    }

    static let scenariosPerOperation = 500

    /// What the generated runs covered.
    struct Coverage {
        var states = 0
        var blocked = 0
        var failing = 0
        var podsMidRestart = 0
        var certificatesIssuing = 0
        var crashes = 0
        var succeeded = 0
        var failed = 0
    }

    static func scenarios(for operation: TLSOperation) -> [Scenario] {
        var random = SplitMix64(seed: 0x5EED_0000 + UInt64(operation.hashValueStable))
        let actions: [StepAction] = [
            .pauseDatabase, .reissueCertificates, .applyCertificate, .waitForCertificates,
            .evictPod, .reloadPod, .verifyPod, .updateDatabase, .deleteCertificate,
            .markSuccessful, .resumeDatabase,
        ]
        return (0..<scenariosPerOperation).map { index in
            let replicas = Int32(1 + random.next() % 7)
            let strategy = ReloadStrategy.allCases[Int(random.next() % 3)]
            let fault = Scenario.Fault.allCases[Int(random.next() % 8)]
            var faults = SimulatedFaults()
            switch fault {
            case .none, .heldByAnotherRequest, .databaseNotReady:
                break
            case .podNeverReady:
                faults.podNeverReady = "memcd-quickstart-\(random.next() % UInt64(replicas))"
            case .certificateNeverIssues:
                faults.certificateNeverIssues =
                    TLSConfig.memcachedAliases[Int(random.next() % 3)]
            case .issuersDisappear:
                faults.issuersDisappearAfterStep = Int(random.next() % 12)
            case .stepFails:
                faults.failingAction = actions[Int(random.next() % UInt64(actions.count))]
                faults.failures = Int(1 + random.next() % 3)
            case .crashes:
                faults.crashChance = 0.3
            }
            return Scenario(
                seed: UInt64(index) << 8 | UInt64(operation.hashValueStable),
                operation: operation, replicas: replicas, strategy: strategy, fault: fault,
                faults: faults, maxRetries: Int32(random.next() % 3),
                blockedTicks: Int(1 + random.next() % 5))
        }
    }

    @Test("every invariant holds in every state of every run", arguments: TLSOperation.allCases)
    func invariants(_ operation: TLSOperation) async {
        var findings = Findings()
        var coverage = Coverage()
        for scenario in Self.scenarios(for: operation) {
            Self.run(scenario, &findings, &coverage)
            // Long CPU-bound loops share the test run's few threads; let other tests,
            // such as timing checks on sockets, make progress between scenarios.
            await Task.yield()
        }
        #expect(findings.messages.isEmpty, "\(findings.messages.joined(separator: "\n"))")
        #expect(coverage.states >= 10 * Self.scenariosPerOperation)
        #expect(coverage.blocked > 0 && coverage.failing > 0 && coverage.crashes > 0)
        #expect(coverage.podsMidRestart > 0 && coverage.succeeded > 0 && coverage.failed > 0)
        if operation != .removeTLS { #expect(coverage.certificatesIssuing > 0) }
        print("planner invariants: \(operation): \(coverage)")
    }

    // MARK: - One run

    static func run(_ scenario: Scenario, _ findings: inout Findings, _ coverage: inout Coverage) {
        var random = SplitMix64(seed: scenario.seed)
        var state = PlannerFixtures.startingState(
            for: scenario.operation, replicas: scenario.replicas)
        if scenario.fault == .heldByAnotherRequest {
            state.otherRequests = [
                ObservedRequest(
                    name: "mc-scale", type: .horizontalScaling, phase: .progressing,
                    creationTimestamp: PlannerFixtures.start.adding(GoDuration(seconds: -60)))
            ]
        }
        if scenario.fault == .databaseNotReady { state.database.status?.phase = .notReady }
        let request = PlannerFixtures.request(
            "mc-run", tls: PlannerFixtures.tls(for: scenario.operation),
            timeout: GoDuration("3m"), maxRetries: scenario.maxRetries)
        var simulation = ClusterSimulation(
            state: state, request: request, options: PlanOptions(strategy: scenario.strategy),
            faults: scenario.faults)
        let initialFingerprints = Dictionary(
            uniqueKeysWithValues: state.certificates.map { ($0.name, $0.fingerprint) })
        let desired = simulation.plan().desiredTLS

        var tick = 0
        func fail(_ invariant: String, _ detail: String) {
            findings.record(invariant, scenario, tick: tick, detail)
        }

        while tick < 400 {
            if tick == scenario.blockedTicks {
                simulation.state.otherRequests.removeAll()
                simulation.state.database.status?.phase = .ready
            }
            let plan = simulation.plan()
            coverage.states += 1
            switch plan.disposition {
            case .blocked: coverage.blocked += 1
            case .failing: coverage.failing += 1
            default: break
            }
            if simulation.state.pods.contains(where: { !$0.ready }) { coverage.podsMidRestart += 1 }
            if simulation.state.certificates.contains(where: { $0.issuing || !$0.ready }) {
                coverage.certificatesIssuing += 1
            }
            checkPlan(plan, simulation, initialFingerprints, again: tick % 3 == 0, fail)
            if tick % 16 == 0 { checkRoundTrip(plan, simulation, fail) }

            if plan.isFinished { break }
            if case .refused = plan.disposition {
                if !(scenario.strategy == .reload && scenario.operation.switchesTLS) {
                    fail("only reload with add/remove is refused", "\(plan.disposition)")
                }
                break
            }
            guard let step = plan.nextStep else {
                simulation.advance(controllers: random.chance(0.6))
                tick += 1
                continue
            }
            if step.action.changesCluster, step.action != .pauseDatabase,
                step.action != .resumeDatabase,
                !(simulation.state.isDatabasePaused
                    && simulation.request.status?.conditions?.isTrue("ReconfigureTLS") == true)
            {
                fail("pause before any change", "\(step.action) on an unpaused database")
            }

            guard let result = simulation.turn(plan, random: &random) else { break }
            if !result.recorded { coverage.crashes += 1 }
            if simulation.state.pods.filter({ !$0.ready }).count > 1 {
                fail("never more than one pod unavailable", "after \(step.action) \(step.target)")
            }
            if result.recorded, result.outcome == .completed {
                checkReplan(plan, after: step, simulation, fail)
            }
            simulation.advance(controllers: random.chance(0.6))
            tick += 1
        }
        checkEnd(scenario, simulation, desired, fail)
        switch simulation.request.status?.phase {
        case .successful?: coverage.succeeded += 1
        case .failed?: coverage.failed += 1
        default: break
        }
    }

    // MARK: - Invariants

    typealias Fail = (String, String) -> Void

    /// Invariants of one plan in one state.
    static func checkPlan(
        _ plan: Plan, _ simulation: ClusterSimulation, _ initial: [String: String?],
        again: Bool, _ fail: Fail
    ) {
        if again, simulation.plan() != plan {
            fail("the same input gives the same plan", "plans differ")
        }

        if plan.isFinished, !plan.steps.isEmpty {
            fail("a converged state plans to nothing", "\(plan.steps.count) steps")
        }
        if let last = plan.steps.last, last.action != .resumeDatabase {
            fail("resume comes last", "last step is \(last.action)")
        }
        if let index = plan.steps.firstIndex(where: { $0.action == .pauseDatabase }), index != 0 {
            fail("pause comes first", "pause is step \(index + 1)")
        }
        if plan.steps.filter({ $0.action == .resumeDatabase }).count > 1 {
            fail("resume once", "several resume steps")
        }
        if case .failing = plan.disposition,
            plan.steps.map(\.action) != [.resumeDatabase]
        {
            fail("a failed request only resumes", "\(plan.steps.map(\.action))")
        }

        guard let next = plan.nextStep else { return }
        let state = simulation.state
        switch next.action {
        case .evictPod:
            for pod in state.pods where pod.name != next.target && !pod.ready {
                fail(
                    "never more than one pod unavailable", "evicts \(next.target), \(pod.name) down"
                )
            }
            checkCertificateIssued(plan, simulation, initial, next, fail)
        case .reloadPod:
            checkCertificateIssued(plan, simulation, initial, next, fail)
        case .deleteCertificate:
            guard let certificate = state.certificate(named: next.target) else { break }
            for pod in state.pods where pod.uses(certificate) {
                fail("nothing a running pod serves is deleted", "\(next.target) by \(pod.name)")
            }
        default:
            break
        }
    }

    /// No pod is moved before its certificate is issued.
    static func checkCertificateIssued(
        _ plan: Plan, _ simulation: ClusterSimulation, _ initial: [String: String?],
        _ step: PlanStep, _ fail: Fail
    ) {
        guard let desired = plan.desiredTLS?.certificate(alias: "server"),
            let name = desired.secretName
        else { return }
        guard let certificate = simulation.state.certificate(named: name),
            certificate.isIssued, let spec = certificate.spec,
            spec.isEquivalent(to: desired, comparingIssuer: false),
            TLSConfig.sameIssuer(
                certificate.issuerRef, desired.issuerRef ?? plan.desiredTLS?.issuerRef)
        else {
            fail(
                "no pod is moved before its certificate is issued", "\(step.action) \(step.target)")
            return
        }
        if plan.operation == .rotateCertificates, initial[name] == certificate.fingerprint {
            fail("no pod is moved before its certificate is issued", "not re-issued yet")
        }
    }

    /// Planning again after performing the first step never repeats it, and (when nothing
    /// else changed) drops exactly that step.
    static func checkReplan(
        _ plan: Plan, after step: PlanStep, _ simulation: ClusterSimulation, _ fail: Fail
    ) {
        let next = simulation.plan()
        if next.steps.contains(where: { $0.action == step.action && $0.target == step.target }) {
            fail("a finished step is never repeated", "\(step.action) \(step.target)")
        }
        guard plan.disposition == .proceed, next.disposition == .proceed else { return }
        let expected = plan.steps.dropFirst().map { "\($0.action) \($0.target)" }
        let actual = next.steps.map { "\($0.action) \($0.target)" }
        if expected != actual {
            fail("replanning drops the step performed", "\(expected) vs \(actual)")
        }
    }

    /// The plan does not depend on how the state and request were written.
    static func checkRoundTrip(_ plan: Plan, _ simulation: ClusterSimulation, _ fail: Fail) {
        do {
            let data = try JSONEncoder().encode(simulation.state)
            let state = try JSONDecoder().decode(ObservedState.self, from: data)
            let request = try MemcachedOpsRequest(json: simulation.request.json)
            let again = TLSPlanner.plan(
                request: request, state: state, options: simulation.options,
                now: simulation.now)
            if again != plan { fail("the same input gives the same plan", "after a round trip") }
        } catch {
            fail("the state file round-trips", "\(error)")
        }
    }

    /// At the end: the request ended, the database is resumed, nothing is left to do, and a
    /// successful run left the cluster as desired.
    static func checkEnd(
        _ scenario: Scenario, _ simulation: ClusterSimulation, _ desired: TLSConfig?,
        _ fail: Fail
    ) {
        let refused = scenario.strategy == .reload && scenario.operation.switchesTLS
        if refused { return }
        let phase = simulation.request.status?.phase
        guard phase == .successful || phase == .failed else {
            fail("every run ends", "phase \(phase?.rawValue ?? "none")")
            return
        }
        if simulation.state.isDatabasePaused { fail("the database is resumed", "still paused") }
        let later = TLSPlanner.plan(
            request: simulation.request, state: simulation.state, options: simulation.options,
            now: simulation.now.adding(GoDuration(seconds: 86_400)))
        if !later.isFinished || !later.steps.isEmpty {
            fail("a converged state plans to nothing", "\(later.disposition)")
        }
        if phase == .failed {
            if simulation.request.status?.conditions?.isTrue("Failed") != true {
                fail("a failed request says why", "no Failed condition")
            }
            if scenario.fault == .none {
                fail("a run without faults succeeds", "failed")
            }
            return
        }
        let state = simulation.state
        if !TLSConfig.equivalent(state.database.spec.tls, desired) {
            fail("a successful run writes spec.tls", "spec.tls differs")
        }
        let server = desired?.certificate(alias: "server")?.secretName.flatMap {
            state.certificate(named: $0)?.fingerprint
        }
        for pod in state.pods {
            if desired == nil ? pod.servesTLS : (!pod.servesTLS || pod.fingerprint != server) {
                fail("a successful run leaves every pod as desired", pod.name)
            }
        }
        if desired == nil, !state.certificates.isEmpty {
            fail("removing TLS deletes the certificates", "\(state.certificates.count) left")
        }
    }
}

extension TLSOperation {
    /// A hash that does not change between runs, for seeds.
    var hashValueStable: Int { TLSOperation.allCases.firstIndex(of: self) ?? 0 }
}
