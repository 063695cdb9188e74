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
    /// - Parameters:
    ///   - request: The request; its current status is read from the transport.
    ///   - maximumSteps: Stop after this many steps, as if the process died there; `nil`
    ///     runs to the end.
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
            if plan != lastPlan {
                onEvent(.planned(plan))
                logger.log(
                    .debug, "planned: \(plan.disposition), \(plan.steps.count) steps", metadata)
                lastPlan = plan
            }

            switch plan.disposition {
            case .finished:
                onEvent(.ended(current.status ?? MemcachedOpsRequestStatus()))
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
                onEvent(.blocked(reason))
                logger.log(.info, "blocked: \(reason.message)", metadata)
                try await clock.sleep(for: pollInterval)

            case .proceed, .failing:
                guard let step = plan.nextStep else {
                    try await clock.sleep(for: pollInterval)
                    continue
                }
                if let maximumSteps, performed.count >= maximumSteps {
                    return ReconcileOutcome(
                        ending: .interrupted, status: current.status, performed: performed)
                }
                var stepMetadata = metadata
                stepMetadata["mcops.step"] = step.condition
                onEvent(.stepStarted(step))
                let result: StepOutcome
                do {
                    result = try await transport.perform(step, of: plan, for: current)
                } catch is CancellationError {
                    throw CancellationError()
                } catch {
                    result = .failed(String(describing: error))
                }
                performed.append(.init(step: step, outcome: result))
                log(result, of: step, stepMetadata)
                onEvent(.stepFinished(step, result))

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

    private func outcome(
        of request: MemcachedOpsRequest, performed: [ReconcileOutcome.PerformedStep]
    ) -> ReconcileOutcome {
        let status = request.status
        if status?.phase == .failed {
            let failure = status?.conditions?.condition(TLSConditionType.failed)?.message
            return ReconcileOutcome(
                ending: .failed(failure ?? "the request failed"), status: status,
                performed: performed)
        }
        return ReconcileOutcome(ending: .successful, status: status, performed: performed)
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
