/// Why a request can never run as written: the planner refuses it, with no steps.
///
/// The planner refuses only a request that has not started; once a request has paused the
/// database, the same problem fails the request instead (see ``PlanFailure``), so that the
/// database is resumed.
public enum Refusal: Error, Sendable, Hashable, CustomStringConvertible {
    /// The request's `spec.type` is not `ReconfigureTLS`.
    case notReconfigureTLS(type: String?)
    /// The request has no `spec.tls`.
    case missingTLSSection
    /// `spec.tls` asks for nothing: no `remove`, no `rotateCertificates`, no issuer or
    /// certificates.
    case noOperation
    /// `spec.tls` asks for more than one operation at once.
    case multipleOperations
    /// The request's `databaseRef` does not name the observed database.
    case wrongDatabase(requested: String, observed: String)
    /// `rotateCertificates` on a database that has no TLS.
    case rotateWithoutTLS(database: String)
    /// `remove` on a database that has no TLS.
    case removeWithoutTLS(database: String)
    /// Adding TLS needs an `issuerRef` in the request.
    case issuerRequired
    /// The `reload` strategy cannot switch TLS on or off.
    case strategyCannotSwitchTLS(TLSOperation)

    /// A stable, camel-case code for scripts, such as `rotateWithoutTLS`.
    public var code: String {
        switch self {
        case .notReconfigureTLS: return "notReconfigureTLS"
        case .missingTLSSection: return "missingTLSSection"
        case .noOperation: return "noOperation"
        case .multipleOperations: return "multipleOperations"
        case .wrongDatabase: return "wrongDatabase"
        case .rotateWithoutTLS: return "rotateWithoutTLS"
        case .removeWithoutTLS: return "removeWithoutTLS"
        case .issuerRequired: return "issuerRequired"
        case .strategyCannotSwitchTLS: return "strategyCannotSwitchTLS"
        }
    }

    /// What is wrong, in a sentence.
    public var message: String {
        switch self {
        case .notReconfigureTLS(let type):
            return "the request's type is \(type.map { "\"\($0)\"" } ?? "unset"), "
                + "not \"ReconfigureTLS\""
        case .missingTLSSection:
            return "spec.TLS nil not supported in ReconfigureTLS type"
        case .noOperation:
            return "no reconfiguration is provided in TLS spec"
        case .multipleOperations:
            return "more than 1 field have assigned to spec.reconfigureTLS but at a time one "
                + "is allowed to run one operation"
        case .wrongDatabase(let requested, let observed):
            return "the request is for database \"\(requested)\", but the observed database "
                + "is \"\(observed)\""
        case .rotateWithoutTLS(let database):
            return "cannot rotate certificates: database \(database) has no TLS; "
                + "add TLS with an issuerRef instead"
        case .removeWithoutTLS(let database):
            return "cannot remove TLS: database \(database) has no TLS"
        case .issuerRequired:
            return "adding TLS needs spec.tls.issuerRef"
        case .strategyCannotSwitchTLS(let operation):
            return "the reload strategy cannot \(operation == .addTLS ? "add" : "remove") "
                + "TLS: memcached only reloads certificates while TLS stays on; "
                + "use restart or automatic"
        }
    }

    /// The code and the message.
    public var description: String { "\(code): \(message)" }
}
