import MemcachedOps

/// Something that goes wrong in an ``InMemoryCluster``, on purpose.
///
/// Give faults to the cluster when creating it, or later with
/// ``InMemoryCluster/inject(_:)``. Step faults match a step by its action, its target, or
/// both (`nil` matches any), and affect the first `times` matching steps (`nil`: every one).
///
/// ```swift
/// let cluster = InMemoryCluster(
///     database: database,
///     faults: [
///         .stepFails(.evictPod, target: "sessions-1", times: 1),
///         .issuerDisappears("corporate-ca", kind: "ClusterIssuer", afterSteps: 4),
///     ])
/// ```
///
/// A fault that makes `StepAction/resumeDatabase` fail every time keeps a reconciler
/// retrying forever, since resuming is retried without limit.
public struct InjectedFault: Sendable, Hashable, CustomStringConvertible {
    /// What goes wrong.
    enum Effect: Sendable, Hashable {
        /// Matching steps return `.failed(message)` and change nothing.
        case fails(message: String)
        /// Matching steps return `.pending` and change nothing, until `spec.timeout` fails
        /// the request.
        case stalls
        /// The pod never becomes ready again once it is evicted.
        case podNeverReady(pod: String)
        /// cert-manager never issues the Certificate.
        case certificateNeverIssues(name: String)
        /// The issuer is deleted once the cluster has performed `afterSteps` steps, and
        /// comes back `returnsAfter` later when that is set.
        case issuerDisappears(kind: String, name: String, afterSteps: Int, returnsAfter: Duration?)
        /// Writing the request's status after the cluster's `afterStep`-th step throws, as
        /// if the reconciler's process died between the step and its status write.
        case crashBeforeStatusWrite(afterStep: Int)
    }

    let effect: Effect
    let action: StepAction?
    let target: String?
    let times: Int?

    /// A step that fails: it returns `StepOutcome/failed(_:)` and changes nothing.
    ///
    /// - Parameters:
    ///   - action: The action to fail; any when `nil`.
    ///   - target: The pod, Certificate or database to fail it for; any when `nil`.
    ///   - times: How many matching steps fail; every one when `nil`.
    ///   - message: The failure's message.
    /// - Returns: The fault.
    public static func stepFails(
        _ action: StepAction? = nil, target: String? = nil, times: Int? = 1,
        message: String = "injected failure"
    ) -> InjectedFault {
        InjectedFault(
            effect: .fails(message: message), action: action, target: target, times: times)
    }

    /// A step that never takes effect: it returns `StepOutcome/pending` and changes
    /// nothing, so the request fails once the step runs past `spec.timeout`.
    ///
    /// - Parameters:
    ///   - action: The action that stalls; any when `nil`.
    ///   - target: The pod, Certificate or database it stalls for; any when `nil`.
    ///   - times: How many matching steps stall; every one when `nil`.
    /// - Returns: The fault.
    public static func stepStalls(
        _ action: StepAction? = nil, target: String? = nil, times: Int? = nil
    ) -> InjectedFault {
        InjectedFault(effect: .stalls, action: action, target: target, times: times)
    }

    /// A pod that never becomes ready again once it is evicted.
    ///
    /// - Parameter pod: The pod's name, such as `memcd-quickstart-1`.
    /// - Returns: The fault.
    public static func podNeverReady(_ pod: String) -> InjectedFault {
        InjectedFault(effect: .podNeverReady(pod: pod), action: nil, target: nil, times: nil)
    }

    /// A Certificate that cert-manager never issues.
    ///
    /// - Parameter name: The Certificate's (and secret's) name.
    /// - Returns: The fault.
    public static func certificateNeverIssues(_ name: String) -> InjectedFault {
        InjectedFault(
            effect: .certificateNeverIssues(name: name), action: nil, target: nil, times: nil)
    }

    /// An issuer that is deleted once the cluster has performed a number of steps, for good
    /// or for a while.
    ///
    /// - Parameters:
    ///   - name: The issuer's name.
    ///   - kind: `Issuer` or `ClusterIssuer`.
    ///   - afterSteps: How many steps the cluster performs before the issuer goes; 0 deletes
    ///     it before the first.
    ///   - returnsAfter: How long (in simulated time) until it is back, as it was; never
    ///     when `nil`.
    /// - Returns: The fault.
    public static func issuerDisappears(
        _ name: String, kind: String = "Issuer", afterSteps: Int, returnsAfter: Duration? = nil
    ) -> InjectedFault {
        InjectedFault(
            effect: .issuerDisappears(
                kind: kind, name: name, afterSteps: afterSteps, returnsAfter: returnsAfter),
            action: nil, target: nil, times: 1)
    }

    /// The reconciler "dies" between a step and its status write: writing the status after
    /// the cluster's `afterStep`-th step (counting from 1) throws
    /// ``InMemoryClusterError/Code/simulatedCrash``, once.
    ///
    /// The step's effect stays, its record does not, so the next reconciler performs it
    /// again: this checks that every step is idempotent.
    ///
    /// - Parameter afterStep: The step whose status write fails.
    /// - Returns: The fault.
    public static func crashBeforeStatusWrite(afterStep: Int) -> InjectedFault {
        InjectedFault(
            effect: .crashBeforeStatusWrite(afterStep: afterStep), action: nil, target: nil,
            times: 1)
    }

    /// Whether the fault concerns this step.
    func matches(_ step: PlanStep) -> Bool {
        (action.map { $0 == step.action } ?? true) && (target.map { $0 == step.target } ?? true)
    }

    /// What the fault does, in a few words.
    public var description: String {
        let scope =
            [action.map(\.rawValue), target].compactMap { $0 }.joined(separator: " ")
        let which = scope.isEmpty ? "any step" : scope
        let count = times.map { $0 == 1 ? "once" : "\($0) times" } ?? "always"
        switch effect {
        case .fails(let message): return "\(which) fails \(count): \(message)"
        case .stalls: return "\(which) stalls \(count)"
        case .podNeverReady(let pod): return "pod \(pod) never gets ready"
        case .certificateNeverIssues(let name): return "certificate \(name) never issues"
        case .issuerDisappears(let kind, let name, let steps, let returnsAfter):
            return "\(kind) \(name) disappears after \(steps) steps"
                + (returnsAfter.map { " for \($0)" } ?? "")
        case .crashBeforeStatusWrite(let step):
            return "the reconciler dies before writing the status of step \(step)"
        }
    }
}
