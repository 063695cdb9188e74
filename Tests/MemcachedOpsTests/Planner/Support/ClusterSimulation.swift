@testable import MemcachedOps

/// Faults a simulated run can suffer.
struct SimulatedFaults: Sendable, Hashable {
    /// This pod never gets ready after it is evicted.
    var podNeverReady: String?
    /// The certificate with this alias never issues.
    var certificateNeverIssues: String?
    /// Every issuer disappears once this many steps have been performed.
    var issuersDisappearAfterStep: Int?
    /// This action fails this many times before it works.
    var failingAction: StepAction?
    var failures = 0
    /// The reconciler crashes after a step's effect and before its status write, with this
    /// chance per step.
    var crashChance = 0.0

    static let none = SimulatedFaults()
}

/// A pure, in-test model of a cluster: what performing one step does to the observed state,
/// and what cert-manager and the pod controller do between steps.
///
/// This is the "apply step to state" function the property tests need; the public in-memory
/// cluster is a later piece of work.
struct ClusterSimulation {
    var state: ObservedState
    var request: MemcachedOpsRequest
    var now: Timestamp
    var faults: SimulatedFaults
    var options: PlanOptions
    private(set) var stepsPerformed = 0
    private var issued = 0
    private var failuresSoFar = 0
    /// Pods evicted and not yet back.
    private(set) var restarting: Set<String> = []

    init(
        state: ObservedState, request: MemcachedOpsRequest, options: PlanOptions = PlanOptions(),
        faults: SimulatedFaults = .none, now: Timestamp = PlannerFixtures.start
    ) {
        self.state = state
        self.request = request
        self.options = options
        self.faults = faults
        self.now = now
    }

    func plan() -> Plan {
        TLSPlanner.plan(request: request, state: state, options: options, now: now)
    }

    /// One turn of a reconciler: perform the plan's next step and write the status (unless
    /// the reconciler "crashes" in between).
    ///
    /// - Returns: The step, its outcome, and whether the status was written.
    @discardableResult
    mutating func turn(
        _ plan: Plan, random: inout SplitMix64
    ) -> (step: PlanStep, outcome: StepOutcome, recorded: Bool)? {
        guard let step = plan.nextStep else { return nil }
        let outcome = perform(step, of: plan)
        let crashed = faults.crashChance > 0 && random.chance(faults.crashChance)
        if !crashed {
            request.status = TLSStatusWriter.status(
                after: step, outcome: outcome, in: plan, for: request, now: now)
        }
        return (step, outcome, !crashed)
    }

    /// Lets time pass: the clock moves, cert-manager issues, restarted pods come back.
    mutating func advance(seconds: Int64 = 10, controllers: Bool = true) {
        now = now.adding(GoDuration(seconds: seconds))
        if controllers {
            runCertManager()
            for name in restarting { bringBack(name) }
        }
    }

    // MARK: - Performing a step

    mutating func perform(_ step: PlanStep, of plan: Plan) -> StepOutcome {
        stepsPerformed += 1
        if let after = faults.issuersDisappearAfterStep, stepsPerformed > after {
            state.issuers.removeAll()
        }
        if step.action == faults.failingAction, failuresSoFar < faults.failures {
            failuresSoFar += 1
            return .failed("simulated failure of \(step.action)")
        }
        switch step.action {
        case .pauseDatabase:
            setPaused(true)
        case .reissueCertificates:
            for index in state.certificates.indices where state.certificates[index].exists {
                state.certificates[index].issuing = true
            }
        case .applyCertificate:
            apply(step.target, plan)
        case .waitForCertificates:
            return certificatesSettled(plan) ? .completed : .pending
        case .evictPod:
            evict(step.target, plan)
        case .waitForPodReady:
            return state.pod(named: step.target)?.ready == true ? .completed : .pending
        case .reloadPod:
            guard let index = podIndex(step.target), state.pods[index].ready,
                state.pods[index].servesTLS
            else { return .failed("pod \(step.target) cannot reload") }
            configure(index, plan)
        case .verifyPod:
            guard let index = podIndex(step.target) else { return .failed("no pod") }
            let served = state.pods[index].fingerprint
            return served == serverFingerprint(plan) ? .completed : .failed("old certificate")
        case .finishRestarts, .finishReloads, .markSuccessful:
            break
        case .updateDatabase:
            state.database.spec.tls = plan.desiredTLS
        case .deleteCertificate:
            state.certificates.removeAll { $0.name == step.target }
        case .resumeDatabase:
            setPaused(false)
        }
        return .completed
    }

    private mutating func setPaused(_ paused: Bool) {
        var conditions = state.database.status?.conditions ?? []
        conditions.removeAll { $0.type == "Paused" }
        if paused { conditions.append(Condition(type: "Paused", status: .true)) }
        if state.database.status == nil { state.database.status = MemcachedStatus() }
        state.database.status?.conditions = conditions
    }

    private mutating func apply(_ name: String, _ plan: Plan) {
        guard let desired = plan.desiredCertificate(named: name) else { return }
        if let index = state.certificates.firstIndex(where: { $0.name == name }) {
            state.certificates[index].spec = desired
            state.certificates[index].issuerRef = desired.issuerRef
            state.certificates[index].exists = true
            state.certificates[index].issuing = true
        } else {
            state.certificates.append(
                ObservedCertificate(
                    alias: desired.alias, name: name, issuerRef: desired.issuerRef, spec: desired,
                    ready: false, issuing: true, secretPresent: false))
        }
    }

    private func certificatesSettled(_ plan: Plan) -> Bool {
        for desired in plan.desiredTLS?.certificates ?? [] {
            guard let observed = state.certificate(named: desired.secretName ?? ""),
                observed.isIssued
            else { return false }
        }
        return true
    }

    mutating func runCertManager() {
        for index in state.certificates.indices {
            let certificate = state.certificates[index]
            guard certificate.exists, certificate.issuing || !certificate.ready,
                certificate.alias != faults.certificateNeverIssues,
                let reference = certificate.issuerRef,
                state.issuer(reference)?.ready == true
            else { continue }
            issued += 1
            state.certificates[index].ready = true
            state.certificates[index].issuing = false
            state.certificates[index].secretPresent = true
            state.certificates[index].fingerprint = "issued-\(issued)"
            state.certificates[index].notAfter = now.adding(GoDuration(seconds: 90 * 86_400))
        }
    }

    private func podIndex(_ name: String) -> Int? {
        state.pods.firstIndex { $0.name == name }
    }

    private func serverFingerprint(_ plan: Plan) -> String? {
        guard let name = plan.desiredTLS?.certificate(alias: "server")?.secretName else {
            return nil
        }
        return state.certificate(named: name)?.fingerprint
    }

    /// Gives a pod the plan's configuration, as a restart or a reload does.
    private mutating func configure(_ index: Int, _ plan: Plan) {
        let tls = plan.desiredTLS
        state.pods[index].servesTLS = tls != nil
        state.pods[index].fingerprint = serverFingerprint(plan)
        state.pods[index].mountedCertificates = (tls?.certificates ?? [])
            .filter { $0.alias != "client" }.compactMap(\.secretName)
    }

    private mutating func evict(_ name: String, _ plan: Plan) {
        guard let index = podIndex(name) else { return }
        state.pods[index].ready = false
        configure(index, plan)
        restarting.insert(name)
    }

    private mutating func bringBack(_ name: String) {
        guard restarting.contains(name), name != faults.podNeverReady,
            let index = podIndex(name)
        else { return }
        state.pods[index].ready = true
        restarting.remove(name)
    }
}
