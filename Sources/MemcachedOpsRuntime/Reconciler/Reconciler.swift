import MemcachedOps

/// Drives one ReconfigureTLS request to its end: observe, plan, perform the next step,
/// write the status, and again, until the request is `Successful` or `Failed`.
///
/// The reconciler holds no list of its own: each round reads the request and the cluster
/// afresh through the ``OpsTransport`` and asks `TLSPlanner` what to do. Stopping it at any
/// moment, even between a step and its status write, and starting it again, here or in
/// another process, continues the work; a finished request plans to nothing.
///
/// ```swift
/// let reconciler = Reconciler(transport: cluster, options: PlanOptions(strategy: .reload))
/// let outcome = try await reconciler.run(request) { event in print(event) }
/// ```
public struct Reconciler: Sendable {
    /// Carries out the steps.
    public var transport: any OpsTransport
    /// The reload strategy and policies to plan with.
    public var options: PlanOptions
    /// The source of time.
    public var clock: any OpsClock
    /// How long to wait before planning again after a pending or blocked step.
    public var pollInterval: Duration
    /// Where log records go.
    public var logger: OpsLogger

    /// Creates a reconciler.
    ///
    /// - Parameters:
    ///   - transport: Carries out the steps.
    ///   - options: The reload strategy and policies.
    ///   - clock: The source of time; the system clock unless given.
    ///   - pollInterval: The wait before planning again after a pending or blocked step.
    ///   - logger: Where log records go; nowhere unless given.
    public init(
        transport: any OpsTransport,
        options: PlanOptions = PlanOptions(),
        clock: any OpsClock = SystemOpsClock(),
        pollInterval: Duration = .milliseconds(200),
        logger: OpsLogger = .disabled
    ) {
        self.transport = transport
        self.options = options
        self.clock = clock
        self.pollInterval = pollInterval
        self.logger = logger
    }

    /// Drives a request until it ends, is refused, or `maximumSteps` steps were performed.
    ///
    /// Each round reads the request and the cluster, plans, and performs the plan's next
    /// step (or, when the plan is blocked or a wait is pending, sleeps ``pollInterval`` on
    /// the clock). `spec.timeout` and `spec.maxRetries` are honoured by the planner once the
    /// request has started. A request that is blocked before it starts (an issuer that does
    /// not exist, a policy, a database that is not `Ready`) fails once it has waited longer
    /// than `spec.timeout` since its creation, with the reason; one that waits for its turn
    /// behind another request, or for approval, waits without limit.
    ///
    /// - Parameters:
    ///   - request: The request; its current status is read from the transport.
    ///   - maximumSteps: Stop after this many steps, as if the process died there; `nil`
    ///     runs to the end. Every call to the transport's `perform` counts, including a
    ///     wait that is still pending.
    ///   - onEvent: Called with each event, in order.
    /// - Returns: How the run ended.
    /// - Throws: `CancellationError` when the task is cancelled, and errors from the
    ///   transport's `request`, `observe` and `writeStatus`.
    public func run(
        _ request: MemcachedOpsRequest,
        maximumSteps: Int? = nil,
        onEvent: @Sendable (ReconcileEvent) -> Void = { _ in }
    ) async throws -> ReconcileOutcome {
        var performed: [ReconcileOutcome.PerformedStep] = []
        var lastPlan: Plan?
        var current = request
        var firstBlocked: Timestamp?
        let metadata = [
            "mcops.namespace": request.namespace, "mcops.request": request.name,
            "mcops.database": request.spec.databaseRef?.name ?? "",
        ]

        while true {
            try Task.checkCancellation()
            current =
                try await transport.request(named: request.name, namespace: request.namespace)
                ?? current
            let state = try await transport.observe(for: current)
            let now = await clock.now()
            let plan = TLSPlanner.plan(request: current, state: state, options: options, now: now)
            let isNewPlan = plan != lastPlan
            if isNewPlan {
                onEvent(.planned(plan))
                logger.log(
                    .debug, "planned: \(plan.disposition), \(plan.steps.count) steps", metadata)
                lastPlan = plan
            }

            switch plan.disposition {
            case .finished:
                let status = current.status ?? MemcachedOpsRequestStatus()
                logger.log(.info, "ended: \(status.phase?.rawValue ?? "no phase")", metadata)
                onEvent(.ended(status))
                return outcome(of: current, performed: performed)

            case .refused(let refusal):
                let status = TLSStatusWriter.status(refusing: refusal, for: current, now: now)
                try await transport.writeStatus(status, for: current)
                current.status = status
                logger.log(.error, "refused: \(refusal.message)", metadata)
                onEvent(.ended(status))
                return ReconcileOutcome(
                    ending: .refused(refusal), status: status, performed: performed)

            case .blocked(let reason):
                if isNewPlan {
                    onEvent(.blocked(reason))
                    logger.log(.info, "blocked: \(reason.message)", metadata)
                }
                let since = firstBlocked ?? now
                firstBlocked = since
                if let failure = Self.failureBeforeStart(
                    of: current, plan: plan, blocked: reason, firstBlocked: since, now: now)
                {
                    let step: ReconcileOutcome.PerformedStep?
                    (step, current) = try await failBeforeStart(
                        current, plan: plan, failure: failure, metadata: metadata,
                        onEvent: onEvent)
                    if let step { performed.append(step) }
                    lastPlan = nil
                    continue
                }
                try await clock.sleep(for: pollInterval)

            case .proceed, .failing:
                firstBlocked = nil
                guard let step = plan.nextStep else {
                    try await clock.sleep(for: pollInterval)
                    continue
                }
                if let maximumSteps, performed.count >= maximumSteps {
                    logger.log(.info, "interrupted after \(performed.count) steps", metadata)
                    return ReconcileOutcome(
                        ending: .interrupted, status: current.status, performed: performed)
                }
                let result = try await perform(step, of: plan, for: current, metadata, onEvent)
                performed.append(.init(step: step, outcome: result))

                let finishedAt = await clock.now()
                let status = TLSStatusWriter.status(
                    after: step, outcome: result, in: plan, for: current, now: finishedAt)
                try await transport.writeStatus(status, for: current)
                current.status = status
                if case .pending = result {
                    try await clock.sleep(for: pollInterval)
                }
            }
        }
    }

    /// Drives a request to its end and reports events as a stream.
    ///
    /// The stream finishes after ``ReconcileEvent/ended(_:)``, or with the error that
    /// stopped the run; cancelling the consuming task stops the reconciler.
    ///
    /// - Parameter request: The request.
    /// - Returns: The events, in order.
    public func events(for request: MemcachedOpsRequest)
        -> AsyncThrowingStream<ReconcileEvent, any Error>
    {
        AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    _ = try await run(request) { continuation.yield($0) }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// Performs one step through the transport, with its events and log records; an
    /// error thrown by the transport counts as a failed step, unless the task was
    /// cancelled.
    private func perform(
        _ step: PlanStep, of plan: Plan, for request: MemcachedOpsRequest,
        _ metadata: [String: String], _ onEvent: @Sendable (ReconcileEvent) -> Void
    ) async throws -> StepOutcome {
        var stepMetadata = metadata
        stepMetadata["mcops.step"] = step.condition
        if step.attempt > 1 { stepMetadata["mcops.attempt"] = String(step.attempt) }
        onEvent(.stepStarted(step))
        logger.log(.debug, "\(step.condition): \(step.reason)", stepMetadata)
        let result: StepOutcome
        do {
            result = try await transport.perform(step, of: plan, for: request)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            if Task.isCancelled { throw CancellationError() }
            result = .failed(String(describing: error))
        }
        log(result, of: step, stepMetadata)
        onEvent(.stepFinished(step, result))
        return result
    }

    /// Why a request that has not started fails now: it has been blocked, for a reason
    /// other than waiting its turn, for longer than `spec.timeout` since it was created
    /// (or, without a creation time, since this run first saw it blocked).
    static func failureBeforeStart(
        of request: MemcachedOpsRequest, plan: Plan, blocked reason: BlockReason,
        firstBlocked: Timestamp, now: Timestamp
    ) -> PlanFailure? {
        switch reason {
        case .heldByAnotherRequest, .awaitingApproval: return nil
        default: break
        }
        guard let limit = request.spec.timeout, limit.nanoseconds > 0,
            request.status?.conditions?.isTrue(TLSConditionType.reconfigureTLS) != true,
            let first = plan.steps.first
        else { return nil }
        let since = request.metadata.creationTimestamp ?? firstBlocked
        guard now.duration(since: since) > limit else { return nil }
        return PlanFailure(step: first.condition, cause: .blockedTooLong(reason, limit: limit))
    }

    /// The plan that winds down a request failed before it started: resume the database.
    private static func windDownPlan(_ plan: Plan, failure: PlanFailure) -> Plan {
        let resume = PlanStep(
            .resumeDatabase, target: plan.database, operation: plan.operation, windsDown: true)
        return Plan(
            database: plan.database, namespace: plan.namespace, operation: plan.operation,
            strategy: plan.strategy, desiredTLS: plan.desiredTLS, steps: [resume],
            disposition: .failing(failure))
    }

    /// Fails a request that has not started: resumes the database and writes the `Failed`
    /// status, as the planner's winding down of a failed request does. The database is
    /// resumed only when the request attempted a step (its status has conditions);
    /// otherwise the request never paused it, and a pause by someone else is left alone.
    ///
    /// - Returns: The resume step, if it was performed, and the request with its new status.
    private func failBeforeStart(
        _ request: MemcachedOpsRequest, plan: Plan, failure: PlanFailure,
        metadata: [String: String], onEvent: @Sendable (ReconcileEvent) -> Void
    ) async throws -> (ReconcileOutcome.PerformedStep?, MemcachedOpsRequest) {
        let failing = Self.windDownPlan(plan, failure: failure)
        onEvent(.planned(failing))
        logger.log(.error, "failed: \(failure.message)", metadata)
        guard let resume = failing.steps.first else { return (nil, request) }

        var performed: ReconcileOutcome.PerformedStep?
        if !(request.status?.conditions ?? []).isEmpty {
            let result = try await perform(resume, of: failing, for: request, metadata, onEvent)
            performed = .init(step: resume, outcome: result)
        }

        let status = TLSStatusWriter.status(
            after: resume, outcome: performed?.outcome ?? .completed, in: failing,
            for: request, now: await clock.now())
        try await transport.writeStatus(status, for: request)
        var updated = request
        updated.status = status
        return (performed, updated)
    }

    private func outcome(
        of request: MemcachedOpsRequest, performed: [ReconcileOutcome.PerformedStep]
    ) -> ReconcileOutcome {
        let status = request.status
        switch status?.phase {
        case .some(.successful):
            return ReconcileOutcome(ending: .successful, status: status, performed: performed)
        case .some(.failed):
            let failure = status?.conditions?.condition(TLSConditionType.failed)?.message
            return ReconcileOutcome(
                ending: .failed(failure ?? "the request failed"), status: status,
                performed: performed)
        default:
            let phase = status?.phase?.rawValue ?? "without a phase"
            return ReconcileOutcome(
                ending: .failed("the request ended \(phase)"), status: status,
                performed: performed)
        }
    }

    private func log(_ result: StepOutcome, of step: PlanStep, _ metadata: [String: String]) {
        switch result {
        case .completed:
            logger.log(.info, "\(step.condition): done", metadata)
        case .pending:
            logger.log(.debug, "\(step.condition): waiting", metadata)
        case .failed(let message):
            logger.log(.warning, "\(step.condition): failed: \(message)", metadata)
        }
    }
}
