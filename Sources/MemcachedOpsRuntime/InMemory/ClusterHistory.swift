import MemcachedOps

/// What happened in an ``InMemoryCluster``, in order, with answers to the questions policy
/// tests ask: which pods restarted, how many were down at once, how much cache was lost,
/// and whether any change was made twice.
///
/// ```swift
/// let history = await cluster.history
/// #expect(history.maximumUnavailablePods <= 1)
/// #expect(history.restartedPods.isEmpty)   // reloads only
/// #expect(history.repeatedChanges.isEmpty) // nothing done twice
/// ```
public struct ClusterHistory: Sendable, Hashable {
    /// Everything that happened, oldest first.
    public internal(set) var events: [ClusterEvent] = []
    /// The most pods that were not ready at the same time.
    public internal(set) var maximumUnavailablePods = 0

    /// Creates an empty history.
    public init() {}

    /// The steps the cluster was asked to perform, in order, as `(action, target)`.
    public var performedSteps: [(action: StepAction, target: String)] {
        events.compactMap { event in
            guard case .stepPerformed(let action, let target) = event.kind else { return nil }
            return (action, target)
        }
    }

    /// The steps that change the cluster (`StepAction/changesCluster`) performed more than
    /// once for the same target, as `action target`. Empty when nothing was done twice.
    ///
    /// A retried step after an injected failure counts too: look at ``performedSteps`` to
    /// tell retries apart.
    public var repeatedChanges: [String] {
        var counts: [String: Int] = [:]
        var order: [String] = []
        for (action, target) in performedSteps where action.changesCluster {
            let key = "\(action) \(target)"
            if counts[key] == nil { order.append(key) }
            counts[key, default: 0] += 1
        }
        return order.filter { (counts[$0] ?? 0) > 1 }
    }

    /// The pods restarted (evicted), one entry per restart, in order.
    public var restartedPods: [String] {
        events.compactMap { event in
            guard case .podEvicted(let pod, _) = event.kind else { return nil }
            return pod
        }
    }

    /// The pods that reloaded their certificate live, one entry per reload, in order.
    public var reloadedPods: [String] {
        events.compactMap { event in
            guard case .podReloaded(let pod) = event.kind else { return nil }
            return pod
        }
    }

    /// The Certificates cert-manager issued, one entry per issue, in order.
    public var issuedCertificates: [String] {
        events.compactMap { event in
            guard case .certificateIssued(let name, _) = event.kind else { return nil }
            return name
        }
    }

    /// The cached keys restarts threw away, over all pods.
    public var keysLost: Int {
        events.reduce(0) { total, event in
            guard case .podEvicted(_, let keys) = event.kind else { return total }
            return total + keys
        }
    }

    /// The faults that fired, as their descriptions, in order.
    public var firedFaults: [String] {
        events.compactMap { event in
            guard case .faultFired(let fault) = event.kind else { return nil }
            return fault
        }
    }

    /// How often a pod was restarted.
    ///
    /// - Parameter pod: The pod's name.
    /// - Returns: The number of evictions that restarted it.
    public func restarts(of pod: String) -> Int {
        restartedPods.filter { $0 == pod }.count
    }

    /// Records an event.
    mutating func record(_ kind: ClusterEvent.Kind, at time: Timestamp) {
        events.append(ClusterEvent(time: time, kind: kind))
    }
}
