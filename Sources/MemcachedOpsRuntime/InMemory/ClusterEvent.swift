import MemcachedOps

/// One thing that happened in an ``InMemoryCluster``, at a simulated time.
///
/// The cluster records every step it is asked to perform, every change a step or a
/// simulated controller made, and every fault that fired, in ``ClusterHistory``.
public struct ClusterEvent: Sendable, Hashable, CustomStringConvertible {
    /// What happened.
    public enum Kind: Sendable, Hashable {
        /// A reconciler asked the cluster to perform a step (whatever came of it).
        case stepPerformed(StepAction, target: String)
        /// An injected fault fired; the text says which.
        case faultFired(String)
        /// The database got its `Paused` condition.
        case databasePaused
        /// The database's `Paused` condition was removed.
        case databaseResumed
        /// The database's `spec.tls` was written; `tls` is whether it has TLS now.
        case databaseUpdated(tls: Bool)
        /// A Certificate was created or its spec changed.
        case certificateApplied(String)
        /// A Certificate was marked for re-issue (an `Issuing` condition added).
        case certificateMarkedForReissue(String)
        /// cert-manager issued a Certificate; `revision` counts its issues.
        case certificateIssued(String, revision: Int)
        /// A Certificate and its secret were deleted; `inUseBy` lists pods still loading it.
        case certificateDeleted(String, inUseBy: [String])
        /// A pod was evicted and is restarting; its cache is lost.
        case podEvicted(String, keysLost: Int)
        /// A restarted pod became ready.
        case podReady(String)
        /// A pod reloaded its certificate with `refresh_certs`, keeping its cache.
        case podReloaded(String)
        /// An issuer was added or became ready.
        case issuerAdded(kind: String, name: String)
        /// An issuer was deleted.
        case issuerRemoved(kind: String, name: String)
        /// A request was submitted (`namespace/name`).
        case requestSubmitted(String)
        /// A request's status was written, with its phase.
        case statusWritten(request: String, phase: OpsRequestPhase?)
    }

    /// When it happened, on the cluster's clock.
    public var time: Timestamp
    /// What happened.
    public var kind: Kind

    /// Creates an event.
    ///
    /// - Parameters:
    ///   - time: When it happened.
    ///   - kind: What happened.
    public init(time: Timestamp, kind: Kind) {
        self.time = time
        self.kind = kind
    }

    /// Whether the event changed the database, its pods or its certificates (as opposed to
    /// a request, a step call, a fault or an issuer).
    public var changesDatabase: Bool {
        switch kind {
        case .databasePaused, .databaseResumed, .databaseUpdated, .certificateApplied,
            .certificateMarkedForReissue, .certificateIssued, .certificateDeleted, .podEvicted,
            .podReady, .podReloaded:
            return true
        case .stepPerformed, .faultFired, .issuerAdded, .issuerRemoved, .requestSubmitted,
            .statusWritten:
            return false
        }
    }

    /// The time and what happened, such as `2024-11-15T11:01:07Z pod evicted: db-0`.
    public var description: String {
        "\(time) \(summary)"
    }

    private var summary: String {
        switch kind {
        case .stepPerformed(let action, let target): return "step \(action) \(target)"
        case .faultFired(let fault): return "fault: \(fault)"
        case .databasePaused: return "database paused"
        case .databaseResumed: return "database resumed"
        case .databaseUpdated(let tls):
            return "database spec.tls written (TLS \(tls ? "on" : "off"))"
        case .certificateApplied(let name): return "certificate applied: \(name)"
        case .certificateMarkedForReissue(let name):
            return "certificate marked for re-issue: \(name)"
        case .certificateIssued(let name, let revision):
            return "certificate issued: \(name) (revision \(revision))"
        case .certificateDeleted(let name, let pods):
            return "certificate deleted: \(name)"
                + (pods.isEmpty ? "" : " (still loaded by \(pods.joined(separator: ", ")))")
        case .podEvicted(let pod, let keys): return "pod evicted: \(pod) (\(keys) keys lost)"
        case .podReady(let pod): return "pod ready: \(pod)"
        case .podReloaded(let pod): return "pod reloaded: \(pod)"
        case .issuerAdded(let kind, let name): return "issuer added: \(kind)/\(name)"
        case .issuerRemoved(let kind, let name): return "issuer removed: \(kind)/\(name)"
        case .requestSubmitted(let request): return "request submitted: \(request)"
        case .statusWritten(let request, let phase):
            return "status written: \(request) (\(phase?.rawValue ?? "no phase"))"
        }
    }
}
