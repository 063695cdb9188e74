/// What must happen next for a `ReconfigureTLS` request, in order, and why.
///
/// Made by ``TLSPlanner/plan(request:state:options:now:)``. The steps are all the steps
/// still to do, in order; a reconciler performs only the first (``nextStep``), records it
/// with ``TLSStatusWriter``, observes again and plans again. The plan holds no state of its
/// own, so two plans from the same input are equal.
public struct Plan: Sendable, Hashable {
    /// The database's name.
    public var database: String
    /// The database's namespace.
    public var namespace: String
    /// The operation recognised, or `nil` when the request was refused before one could
    /// be.
    public var operation: TLSOperation?
    /// The strategy the plan was made with.
    public var strategy: ReloadStrategy
    /// The database's TLS configuration once the request is done, after merging and
    /// defaulting; `nil` when TLS is removed (or the request was refused).
    public var desiredTLS: TLSConfig?
    /// The steps still to do, in order.
    public var steps: [PlanStep]
    /// Whether the first step can be performed now, and if not, why.
    public var disposition: PlanDisposition

    /// Creates a plan.
    ///
    /// - Parameters:
    ///   - database: The database's name.
    ///   - namespace: The database's namespace.
    ///   - operation: The operation recognised.
    ///   - strategy: The strategy the plan was made with.
    ///   - desiredTLS: The TLS configuration once the request is done.
    ///   - steps: The steps still to do.
    ///   - disposition: Whether the first step can be performed now.
    public init(
        database: String,
        namespace: String,
        operation: TLSOperation?,
        strategy: ReloadStrategy,
        desiredTLS: TLSConfig?,
        steps: [PlanStep],
        disposition: PlanDisposition
    ) {
        self.database = database
        self.namespace = namespace
        self.operation = operation
        self.strategy = strategy
        self.desiredTLS = desiredTLS
        self.steps = steps
        self.disposition = disposition
    }

    /// The step to perform now: the first step when the plan proceeds or winds down a
    /// failed request, otherwise `nil`.
    public var nextStep: PlanStep? {
        switch disposition {
        case .proceed, .failing: return steps.first
        case .finished, .blocked, .refused: return nil
        }
    }

    /// Whether nothing is left to do.
    public var isFinished: Bool {
        if case .finished = disposition { return true }
        return false
    }

    /// The settings to create or update a Certificate with: the desired certificate with
    /// this name (its `secretName`), with the configuration's `issuerRef` filled in when the
    /// certificate names none.
    ///
    /// - Parameter name: The Certificate's (and secret's) name, a step's target.
    /// - Returns: The settings, or `nil` when the desired configuration has no such
    ///   certificate.
    public func desiredCertificate(named name: String) -> CertificateSpec? {
        guard var certificate = desiredTLS?.certificates?.first(where: { $0.secretName == name })
        else { return nil }
        if certificate.issuerRef == nil { certificate.issuerRef = desiredTLS?.issuerRef }
        return certificate
    }
}
