/// Builds one plan; ``TLSPlanner/plan(request:state:options:now:)`` is its public face.
///
/// The builder first lists every step still to do (each step's completion read from the
/// request's conditions or the observed cluster), then decides whether the first can be
/// performed now: refusals and blocks before the request starts, failures and blocks after,
/// then the time limit, then the policies.
struct PlanBuilder {
    let request: MemcachedOpsRequest
    let state: ObservedState
    let options: PlanOptions
    let now: Timestamp
    let database: String
    let pods: [ObservedPod]
    let progress: RequestProgress

    private var operation: TLSOperation?
    private var desired: TLSConfig?
    private var steps: [PlanStep] = []
    private var podMethods: [PodMethod] = []

    /// How one pod is brought onto the new configuration.
    enum PodMethod { case restart, reload }

    init(request: MemcachedOpsRequest, state: ObservedState, options: PlanOptions, now: Timestamp) {
        self.request = request
        self.state = state
        self.options = options
        self.now = now
        self.database = state.database.name
        self.pods = Self.resolvePods(state)
        self.progress = RequestProgress(conditions: request.status?.conditions, pods: pods)
    }

    /// The database's pods in ordinal order, one per replica; missing pods are not ready.
    static func resolvePods(_ state: ObservedState) -> [ObservedPod] {
        let replicas = Int(max(0, state.database.effectiveReplicas))
        if state.pods.count == replicas { return state.pods }
        return state.database.podNames.map { name in
            state.pod(named: name) ?? ObservedPod(name: name, ready: false)
        }
    }

    mutating func build() -> Plan {
        let ended = request.status?.phase.map(OpsRequestPhase.endPhases.contains) ?? false
        let recognised = TLSPlanner.operation(
            of: request, database: state.database, started: progress.started || ended)
        if ended {
            operation = try? recognised.get()
            return makePlan(.finished)
        }

        let operation: TLSOperation
        switch recognised {
        case .failure(let refusal): return refuse(refusal)
        case .success(let value): operation = value
        }
        self.operation = operation
        if options.strategy == .reload, operation.switchesTLS {
            return refuse(.strategyCannotSwitchTLS(operation))
        }
        if operation == .rotateCertificates, state.database.spec.tls == nil {
            return refuse(.rotateWithoutTLS(database: database))
        }
        if let tls = request.spec.tls {
            desired = TLSPlanner.desiredTLS(
                for: operation, database: state.database, request: tls)
        }

        listSteps(operation)
        let disposition = decide()
        return makePlan(disposition)
    }

    // MARK: - Steps

    private mutating func add(_ action: StepAction, _ target: String) {
        steps.append(PlanStep(action, target: target, operation: operation))
    }

    private mutating func listSteps(_ operation: TLSOperation) {
        steps.reserveCapacity(8 + 2 * pods.count)
        add(.pauseDatabase, database)
        if operation == .rotateCertificates, !progress.reissued {
            add(.reissueCertificates, database)
        }
        listCertificateSteps()
        listPodSteps(operation)
        if !TLSConfig.equivalent(state.database.spec.tls, desired) {
            add(.updateDatabase, database)
        }
        for certificate in state.certificates where certificate.exists && !isDesired(certificate) {
            add(.deleteCertificate, certificate.name)
        }
        if !progress.successful { add(.markSuccessful, database) }
        add(.resumeDatabase, database)
        if !needsPause() { steps.removeFirst() }
    }

    /// Whether the plan must (again) pause the database: before the request starts, and
    /// after it started whenever the database is not paused and changes remain to be made.
    private func needsPause() -> Bool {
        guard progress.started else { return true }
        guard !state.isDatabasePaused else { return false }
        return steps.dropFirst().contains { step in
            step.action.changesCluster && step.action != .resumeDatabase
        }
    }

    private mutating func listCertificateSteps() {
        guard let desired, let certificates = desired.certificates else { return }
        var settled = true
        for certificate in certificates {
            let name = certificate.secretName ?? ""
            guard let index = state.certificates.firstIndex(where: { $0.name == name }),
                matches(state.certificates[index], certificate, issuer: desired.issuerRef)
            else {
                add(.applyCertificate, name)
                settled = false
                continue
            }
            if !state.certificates[index].isIssued { settled = false }
        }
        if !(progress.certificatesSynced && settled) { add(.waitForCertificates, database) }
    }

    private func matches(
        _ observed: ObservedCertificate, _ desired: CertificateSpec,
        issuer: TypedLocalObjectReference?
    ) -> Bool {
        guard observed.exists,
            TLSConfig.sameIssuer(observed.issuerRef, desired.issuerRef ?? issuer)
        else { return false }
        return observed.spec?.isEquivalent(to: desired, comparingIssuer: false) ?? false
    }

    private func isDesired(_ certificate: ObservedCertificate) -> Bool {
        desired?.certificates?.contains { $0.secretName == certificate.name } ?? false
    }

    private func method(for index: Int, _ operation: TLSOperation) -> PodMethod {
        let marks = progress.pods[index]
        if marks.evicted || marks.readyConfirmed { return .restart }
        if marks.reloaded || marks.verified { return .reload }
        switch options.strategy {
        case .restart: return .restart
        case .reload: return .reload
        case .automatic:
            let pod = pods[index]
            return !operation.switchesTLS && pod.ready && pod.servesTLS ? .reload : .restart
        }
    }

    private mutating func listPodSteps(_ operation: TLSOperation) {
        podMethods.reserveCapacity(pods.count)
        var inProgress: [Int] = []
        var notReady: [Int] = []
        var waiting: [Int] = []
        var restarts = false
        var reloads = false
        for index in pods.indices {
            let method = method(for: index, operation)
            podMethods.append(method)
            let marks = progress.pods[index]
            switch method {
            case .restart:
                restarts = true
                if marks.readyConfirmed { continue }
                if marks.evicted { inProgress.append(index); continue }
            case .reload:
                reloads = true
                if marks.verified { continue }
                if marks.reloaded { inProgress.append(index); continue }
            }
            if pods[index].ready { waiting.append(index) } else { notReady.append(index) }
        }
        for index in inProgress + notReady + waiting {
            let marks = progress.pods[index]
            let name = pods[index].name
            switch podMethods[index] {
            case .restart:
                if !marks.evicted { add(.evictPod, name) }
                add(.waitForPodReady, name)
            case .reload:
                if !marks.reloaded { add(.reloadPod, name) }
                add(.verifyPod, name)
            }
        }
        if restarts, !progress.restartsFinished { add(.finishRestarts, database) }
        if reloads, !progress.reloadsFinished { add(.finishReloads, database) }
    }

    // MARK: - Disposition

    /// Refuses a request that has not started; a request that may have paused the
    /// database (it started, or a step was attempted) fails instead, so it is resumed.
    private mutating func refuse(_ refusal: Refusal) -> Plan {
        guard progress.started || progress.retry != nil else {
            steps = []
            return makePlan(.refused(refusal))
        }
        let failure = PlanFailure(step: TLSConditionType.reconfigureTLS, cause: .refused(refusal))
        return makePlan(windDown(failure))
    }

    private mutating func decide() -> PlanDisposition {
        guard var first = steps.first else { return .finished }

        if let retry = progress.retry, retry.step == first.condition {
            let allowed = Int(request.spec.maxRetries ?? MemcachedOpsRequest.Defaults.maxRetries)
            if retry.failures > allowed, first.action != .resumeDatabase {
                let cause = PlanFailure.Cause.retriesExhausted(
                    failures: retry.failures, lastError: retry.lastError)
                return windDown(PlanFailure(step: retry.step, cause: cause))
            }
            first.attempt = retry.failures + 1
            steps[0] = first
        }

        if !progress.started, let blocked = blockBeforeStart() { return .blocked(blocked) }
        let blocked = block(first)

        // A step's time runs from when the status last changed: when the step before it (or
        // its own last failure) was recorded. Waiting records nothing.
        if progress.started, let limit = request.spec.timeout, limit.nanoseconds > 0,
            first.action != .resumeDatabase, let since = progress.latest,
            Self.nanoseconds(from: since, to: now) > limit.nanoseconds
        {
            let cause: PlanFailure.Cause =
                blocked.map { .blockedTooLong($0, limit: limit) }
                ?? .timedOut(limit: limit, since: since)
            return windDown(PlanFailure(step: first.condition, cause: cause))
        }
        if let blocked { return .blocked(blocked) }
        return policyDisposition()
    }

    /// The time between two instants in nanoseconds, saturating instead of overflowing;
    /// no text is built, unlike `Timestamp.duration(since:)`.
    static func nanoseconds(from start: Timestamp, to end: Timestamp) -> Int64 {
        let seconds = end.secondsSinceEpoch - start.secondsSinceEpoch
        let (product, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow else { return seconds < 0 ? .min : .max }
        let (sum, overflow2) = product.addingReportingOverflow(
            Int64(end.nanoseconds) - Int64(start.nanoseconds))
        return overflow2 ? (seconds < 0 ? .min : .max) : sum
    }

    /// Replaces the steps by the one that winds a failed request down: resuming the
    /// database.
    private mutating func windDown(_ failure: PlanFailure) -> PlanDisposition {
        steps = [
            PlanStep(.resumeDatabase, target: database, operation: operation, windsDown: true)
        ]
        return .failing(failure)
    }

    private func blockBeforeStart() -> BlockReason? {
        if request.status?.phase == .waitingForApproval { return .awaitingApproval }
        if let holder = holder() {
            return .heldByAnotherRequest(database: database, request: holder)
        }
        let apply = request.spec.apply ?? MemcachedOpsRequest.Defaults.apply
        if apply == .ifReady, state.database.status?.phase != .ready {
            return .databaseNotReady(
                database: database, phase: state.database.status?.phase?.rawValue)
        }
        return issuerProblem(allCertificates: true)
    }

    /// The other request that holds the database, if any.
    private func holder() -> String? {
        let mine = request.metadata.creationTimestamp
        var earliest: ObservedRequest?
        for other in state.otherRequests where other.name != request.name && !other.hasEnded {
            if other.phase == .progressing { return other.name }
            guard let theirs = other.creationTimestamp, let mine else { continue }
            let first = theirs < mine || (theirs == mine && other.name < request.name)
            guard first else { continue }
            if let current = earliest, let time = current.creationTimestamp, time <= theirs {
                continue
            }
            earliest = other
        }
        return earliest?.name
    }

    private func block(_ step: PlanStep) -> BlockReason? {
        switch step.action {
        case .reissueCertificates:
            return issuerProblem(allCertificates: true)
        case .applyCertificate, .waitForCertificates:
            return issuerProblem(allCertificates: false)
        case .evictPod:
            for pod in pods where pod.name != step.target && !pod.ready {
                return .podUnavailable(pod: pod.name)
            }
            return nil
        case .reloadPod:
            guard let pod = pods.first(where: { $0.name == step.target }) else { return nil }
            return pod.ready && pod.servesTLS ? nil : .podCannotReload(pod: pod.name)
        case .deleteCertificate:
            guard let certificate = state.certificate(named: step.target) else { return nil }
            for pod in state.pods where pod.uses(certificate) {
                return .certificateInUse(certificate: certificate.name, pod: pod.name)
            }
            return nil
        default:
            return nil
        }
    }

    /// The first issuer problem among the certificates that still need issuing (or all).
    private func issuerProblem(allCertificates: Bool) -> BlockReason? {
        guard let desired, let certificates = desired.certificates else { return nil }
        for certificate in certificates {
            guard let reference = certificate.issuerRef ?? desired.issuerRef else { continue }
            if !allCertificates,
                let observed = state.certificate(named: certificate.secretName ?? ""),
                observed.isIssued, matches(observed, certificate, issuer: desired.issuerRef)
            {
                continue
            }
            guard let issuer = state.issuer(reference), issuer.exists else {
                return .issuerMissing(kind: reference.kind, name: reference.name)
            }
            if !issuer.ready { return .issuerNotReady(kind: reference.kind, name: reference.name) }
        }
        return nil
    }

    private func policyDisposition() -> PlanDisposition {
        guard !options.policies.isEmpty else { return .proceed }
        let candidate = makePlan(.proceed)
        let context = PolicyContext(request: request, state: state, plan: candidate, now: now)
        var violations: [PolicyViolation] = []
        for policy in options.policies {
            violations += policy.violations(in: context)
        }
        return violations.isEmpty ? .proceed : .blocked(.policy(violations))
    }

    private func makePlan(_ disposition: PlanDisposition) -> Plan {
        Plan(
            database: database,
            namespace: state.database.namespace,
            operation: operation,
            strategy: options.strategy,
            desiredTLS: desired,
            steps: steps,
            disposition: disposition)
    }
}
