import MemcachedOps

extension InMemoryCluster {
    /// The stored request with its status.
    ///
    /// - Parameters:
    ///   - name: The request's name.
    ///   - namespace: The request's namespace.
    /// - Returns: The request, or `nil` when it was never submitted.
    public func request(named name: String, namespace: String) async -> MemcachedOpsRequest? {
        storedRequests["\(namespace)/\(name)"]
    }

    /// What is true now for the request: the database, its Certificates, the issuers, the
    /// pods, and the other unfinished requests on the same database.
    ///
    /// - Parameter request: The request.
    /// - Returns: The observed state.
    public func observe(for request: MemcachedOpsRequest) async -> ObservedState {
        catchUp()
        let key = Self.key(request)
        let others = requestOrder.compactMap { storedRequests[$0] }.filter { other in
            Self.key(other) != key && other.namespace == storedDatabase.namespace
                && other.spec.databaseRef?.name == storedDatabase.name
        }
        return ObservedState(
            database: storedDatabase,
            certificates: storedCertificates.map(\.observed),
            issuers: storedIssuers,
            pods: storedPods.map(\.observed),
            otherRequests: others.map(ObservedRequest.init).filter { !$0.hasEnded })
    }

    /// Performs one step on the simulated cluster (see ``InMemoryCluster`` for what each
    /// does), after ``SimulatedLatencies/step`` of simulated time, unless an injected fault
    /// makes it fail or stall.
    ///
    /// - Parameters:
    ///   - step: The step.
    ///   - plan: The plan it comes from, for the desired configuration.
    ///   - request: The request it is performed for.
    /// - Returns: Whether it took effect, is pending, or failed.
    /// - Throws: `CancellationError` when the task is cancelled during the step's latency.
    public func perform(_ step: PlanStep, of plan: Plan, for request: MemcachedOpsRequest)
        async throws -> StepOutcome
    {
        catchUp()
        if latencies.step > .zero {
            try await clock.sleep(for: latencies.step)
            catchUp()
        }
        stepCount += 1
        recorded.record(.stepPerformed(step.action, target: step.target), at: clock.current)
        if let outcome = injectedOutcome(for: step) {
            fireStepTriggeredFaults()
            return outcome
        }

        let outcome = apply(step, of: plan, for: request)
        refreshDatabasePhase()
        fireStepTriggeredFaults()
        return outcome
    }

    /// Stores the request's new status.
    ///
    /// - Parameters:
    ///   - status: The status.
    ///   - request: The request.
    /// - Throws: ``InMemoryClusterError`` when the request was never submitted, or when an
    ///   ``InjectedFault/crashBeforeStatusWrite(afterStep:)`` fault fires.
    public func writeStatus(_ status: MemcachedOpsRequestStatus, for request: MemcachedOpsRequest)
        async throws
    {
        let key = Self.key(request)
        guard var stored = storedRequests[key] else {
            throw InMemoryClusterError(
                .requestNotFound, request: key, message: "the request was never submitted")
        }
        for index in faults.indices where !faults[index].isSpent {
            guard case .crashBeforeStatusWrite(let afterStep) = faults[index].fault.effect,
                afterStep == stepCount
            else { continue }
            fire(index)
            throw InMemoryClusterError(
                .simulatedCrash, request: key,
                message: "the reconciler died before writing the status of step \(stepCount)")
        }
        guard stored.status != status else { return }
        stored.status = status
        storedRequests[key] = stored
        recorded.record(.statusWritten(request: key, phase: status.phase), at: clock.current)
    }

    /// The outcome an injected fault imposes on a step, if one does.
    private func injectedOutcome(for step: PlanStep) -> StepOutcome? {
        for index in faults.indices where !faults[index].isSpent {
            let fault = faults[index].fault
            guard fault.matches(step) else { continue }
            switch fault.effect {
            case .fails(let message):
                fire(index)
                return .failed(message)
            case .stalls:
                fire(index)
                return .pending
            default:
                continue
            }
        }
        return nil
    }

    /// Records that a fault fired and counts it down.
    func fire(_ index: Int) {
        if let remaining = faults[index].remaining { faults[index].remaining = remaining - 1 }
        recorded.record(.faultFired(faults[index].fault.description), at: clock.current)
    }
}
