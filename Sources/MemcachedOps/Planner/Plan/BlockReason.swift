/// Why a plan cannot go on now, though it may later.
///
/// A blocked plan still lists the steps that remain. The caller waits and plans again; once
/// the request has started, the step's time limit (`spec.timeout`) keeps running, so a
/// block that lasts too long fails the request (see ``PlanFailure``).
public enum BlockReason: Sendable, Hashable, CustomStringConvertible {
    /// `spec.apply` is `IfReady` and the database is not `Ready`; checked only before the
    /// request starts.
    case databaseNotReady(database: String, phase: String?)
    /// Another ops request holds the database: it is progressing, or it was created first.
    case heldByAnotherRequest(database: String, request: String)
    /// The request waits for approval (`WaitingForApproval`).
    case awaitingApproval
    /// An issuer the certificates need does not exist.
    case issuerMissing(kind: String, name: String)
    /// An issuer the certificates need is not `Ready`.
    case issuerNotReady(kind: String, name: String)
    /// A pod other than the next one is not ready, so moving the next one would leave two
    /// pods unavailable.
    case podUnavailable(pod: String)
    /// The `reload` strategy needs the pod ready and serving TLS, and it is not.
    case podCannotReload(pod: String)
    /// A certificate that should be deleted is still served by a pod.
    case certificateInUse(certificate: String, pod: String)
    /// One or more policies refuse the plan.
    case policy([PolicyViolation])

    /// A stable, camel-case code for scripts, such as `databaseNotReady`.
    public var code: String {
        switch self {
        case .databaseNotReady: return "databaseNotReady"
        case .heldByAnotherRequest: return "heldByAnotherRequest"
        case .awaitingApproval: return "awaitingApproval"
        case .issuerMissing: return "issuerMissing"
        case .issuerNotReady: return "issuerNotReady"
        case .podUnavailable: return "podUnavailable"
        case .podCannotReload: return "podCannotReload"
        case .certificateInUse: return "certificateInUse"
        case .policy: return "policy"
        }
    }

    /// Why the plan waits, in a sentence.
    public var message: String {
        switch self {
        case .databaseNotReady(let database, let phase):
            return "database \(database) is \(phase ?? "of unknown phase"), not Ready, and "
                + "spec.apply is IfReady"
        case .heldByAnotherRequest(let database, let request):
            return "ops request \(request) holds database \(database)"
        case .awaitingApproval:
            return "the request is waiting for approval"
        case .issuerMissing(let kind, let name):
            return "\(kind) \(name) does not exist"
        case .issuerNotReady(let kind, let name):
            return "\(kind) \(name) is not Ready"
        case .podUnavailable(let pod):
            return "pod \(pod) is not ready; moving another pod now would leave two pods "
                + "unavailable"
        case .podCannotReload(let pod):
            return "pod \(pod) must be ready and serving TLS to reload its certificate"
        case .certificateInUse(let certificate, let pod):
            return "certificate \(certificate) is still served by pod \(pod)"
        case .policy(let violations):
            return violations.map(\.description).joined(separator: "; ")
        }
    }

    /// The code and the message.
    public var description: String { "\(code): \(message)" }
}
