import MemcachedOps
import MemcachedOpsLocal
import MemcachedOpsRuntime

/// Drives one request on a local fleet for `mcops apply` and `mcops demo`: prints the
/// plan, then a line per step as the reconciler performs it, and says how it ended.
struct LocalRequestRunner: Sendable {
    /// How a run ended.
    struct Result: Sendable {
        /// Whether the request is `Successful`.
        var successful: Bool
        /// Why not, when it is not.
        var reason: String?
        /// How long the run took.
        var elapsed: Duration
        /// The reconciler's outcome, when it ran.
        var outcome: ReconcileOutcome?
    }

    let fleet: LocalFleet
    let strategy: ReloadStrategy
    let io: any CommandIO
    /// How long a request that has not started may stay blocked before giving up.
    let startLimit: Duration
    let pollInterval: Duration

    init(
        fleet: LocalFleet, strategy: ReloadStrategy, io: any CommandIO,
        startLimit: Duration = .seconds(30), pollInterval: Duration = .milliseconds(50)
    ) {
        self.fleet = fleet
        self.strategy = strategy
        self.io = io
        self.startLimit = startLimit
        self.pollInterval = pollInterval
    }

    /// Prints the plan, runs the request to its end, and prints its progress.
    ///
    /// - Parameter request: The recorded request.
    /// - Returns: How it ended.
    func run(_ request: MemcachedOpsRequest) async -> Result {
        let clock = ContinuousClock()
        let started = clock.now
        let options = PlanOptions(strategy: strategy)
        do {
            let state = try await fleet.observe(for: request)
            let plan = TLSPlanner.plan(
                request: request, state: state, options: options, now: SystemOpsClock.current())
            io.out(PlanCommand.PlanText(plan: plan, request: request).render())
            if plan.isFinished {
                let phase = request.status?.phase
                let failure = request.status?.conditions?.condition(TLSConditionType.failed)
                return Result(
                    successful: phase == .successful,
                    reason: phase == .successful ? nil : failure?.message ?? phase?.rawValue,
                    elapsed: clock.now - started)
            }
        } catch {
            return Result(successful: false, reason: "\(error)", elapsed: clock.now - started)
        }

        io.line()
        io.line("Progress:")
        let progress = LocalProgressPrinter(io: io, started: started)
        let reconciler = Reconciler(transport: fleet, options: options, pollInterval: pollInterval)
        let outcome: ReconcileOutcome?
        do {
            outcome = try await withThrowingTaskGroup(of: ReconcileOutcome?.self) { group in
                group.addTask {
                    try await reconciler.run(request) { progress.handle($0) }
                }
                group.addTask {
                    // Gives up on a request that cannot start (an issuer that does not
                    // exist, another request holding the database) instead of waiting
                    // forever; a started request is ended by its own spec.timeout.
                    while true {
                        try await Task.sleep(for: .milliseconds(100))
                        if let since = progress.blockedBeforeStartSince,
                            clock.now - since > startLimit
                        {
                            return nil
                        }
                    }
                }
                let first = try await group.next() ?? nil
                group.cancelAll()
                return first
            }
        } catch {
            return Result(successful: false, reason: "\(error)", elapsed: clock.now - started)
        }
        let elapsed = clock.now - started
        guard let outcome else {
            let reason = progress.lastBlock ?? "the request could not start"
            return Result(
                successful: false,
                reason: "gave up after \(Self.seconds(startLimit)): the request could not "
                    + "start: \(reason)",
                elapsed: elapsed)
        }
        switch outcome.ending {
        case .successful:
            return Result(successful: true, elapsed: elapsed, outcome: outcome)
        case .failed(let message):
            return Result(successful: false, reason: message, elapsed: elapsed, outcome: outcome)
        case .refused(let refusal):
            return Result(
                successful: false, reason: "refused: \(refusal.message)", elapsed: elapsed,
                outcome: outcome)
        case .interrupted:
            return Result(
                successful: false, reason: "interrupted", elapsed: elapsed, outcome: outcome)
        }
    }

    /// A duration in seconds with two decimals, such as `1.25s`.
    static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let hundredths = Int(seconds) * 100 + Int(attoseconds / 10_000_000_000_000_000)
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)s"
    }
}
