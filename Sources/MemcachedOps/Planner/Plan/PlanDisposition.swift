/// Whether a plan can go on, and if not, why.
public enum PlanDisposition: Sendable, Hashable, CustomStringConvertible {
    /// The first step can be performed now.
    case proceed
    /// Nothing is left to do: the request has ended and the database is resumed.
    case finished
    /// The plan cannot go on now; the steps show what remains.
    case blocked(BlockReason)
    /// The request has failed; the steps wind it down (resume the database).
    case failing(PlanFailure)
    /// The request can never run as written; there are no steps.
    case refused(Refusal)

    /// The disposition's name: `proceed`, `finished`, `blocked`, `failing` or `refused`.
    public var name: String {
        switch self {
        case .proceed: return "proceed"
        case .finished: return "finished"
        case .blocked: return "blocked"
        case .failing: return "failing"
        case .refused: return "refused"
        }
    }

    /// The problem's code, or `nil` for `proceed` and `finished`.
    public var code: String? {
        switch self {
        case .proceed, .finished: return nil
        case .blocked(let reason): return reason.code
        case .failing(let failure): return failure.code
        case .refused(let refusal): return refusal.code
        }
    }

    /// The problem in a sentence, or `nil` for `proceed` and `finished`.
    public var message: String? {
        switch self {
        case .proceed, .finished: return nil
        case .blocked(let reason): return reason.message
        case .failing(let failure): return failure.message
        case .refused(let refusal): return refusal.message
        }
    }

    /// The name, and the problem when there is one.
    public var description: String {
        guard let code, let message else { return name }
        return "\(name): \(code): \(message)"
    }
}
