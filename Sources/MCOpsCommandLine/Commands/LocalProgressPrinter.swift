import MemcachedOps
import MemcachedOpsRuntime
import Synchronization

/// Prints the reconciler's events as progress lines, and remembers whether the request
/// is stuck before its start.
final class LocalProgressPrinter: Sendable {
    private struct State {
        var waiting: Set<String> = []
        var lastBlock: String?
        var blockedSince: ContinuousClock.Instant?
        var started = false
    }

    private let io: any CommandIO
    private let started: ContinuousClock.Instant
    private let state = Mutex(State())

    init(io: any CommandIO, started: ContinuousClock.Instant) {
        self.io = io
        self.started = started
    }

    /// When the request, not yet started, was first found blocked; `nil` when it is not.
    var blockedBeforeStartSince: ContinuousClock.Instant? {
        state.withLock { $0.started ? nil : $0.blockedSince }
    }

    /// The last reason the plan was blocked.
    var lastBlock: String? { state.withLock { $0.lastBlock } }

    /// Prints one event.
    func handle(_ event: ReconcileEvent) {
        let time = LocalRequestRunner.seconds(ContinuousClock.now - started)
        let stamp = "  [\(String(repeating: " ", count: max(0, 6 - time.count)))\(time)]"
        switch event {
        case .planned(let plan):
            if case .failing(let failure) = plan.disposition {
                io.line("\(stamp) failing: \(failure.message); resuming the database")
            }
            if plan.steps.first?.action != .pauseDatabase {
                state.withLock { $0.started = true }
            }
        case .stepStarted:
            break
        case .stepFinished(let step, let outcome):
            let label = Self.label(step)
            switch outcome {
            case .completed:
                state.withLock { _ = $0.waiting.remove(step.condition) }
                io.line("\(stamp) \(label) done")
            case .pending:
                let first = state.withLock { $0.waiting.insert(step.condition).inserted }
                if first { io.line("\(stamp) \(label) waiting") }
            case .failed(let message):
                io.line("\(stamp) \(label) failed (attempt \(step.attempt)): \(message)")
            }
            state.withLock {
                $0.blockedSince = nil
                if step.action == .pauseDatabase, outcome == .completed { $0.started = true }
            }
        case .blocked(let reason):
            let changed = state.withLock { state -> Bool in
                if state.blockedSince == nil { state.blockedSince = .now }
                defer { state.lastBlock = reason.message }
                return state.lastBlock != reason.message
            }
            if changed { io.line("\(stamp) blocked: \(reason.message)") }
        case .ended:
            break
        }
    }

    /// The step's condition, with its target when the condition does not name it,
    /// padded with dots to a column.
    static func label(_ step: PlanStep) -> String {
        var text = step.condition
        if step.action == .applyCertificate { text += " \(step.target)" }
        let width = 44
        guard text.count < width else { return text }
        return text + " " + String(repeating: ".", count: width - text.count)
    }
}
