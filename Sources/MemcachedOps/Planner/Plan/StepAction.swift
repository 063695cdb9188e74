/// What one plan step does; the step's ``PlanStep/target`` says to what.
///
/// Actions that change something (pause, issue, evict, reload, write the spec, delete,
/// resume) are performed by a transport; checks and markers (wait, verify, finish, mark
/// successful) observe and record. Every action is safe to perform twice.
public enum StepAction: String, Sendable, Hashable, Codable, CaseIterable,
    CustomStringConvertible
{
    /// Pause the database (a `Paused` condition on its status) and mark the request started.
    case pauseDatabase
    /// Rotation: add an `Issuing` condition to every certificate of the database, so that
    /// cert-manager issues each again.
    case reissueCertificates
    /// Create or update the cert-manager Certificate named by the target from
    /// ``Plan/desiredCertificate(named:)``.
    case applyCertificate
    /// Wait until every desired certificate is Ready, not Issuing, and issued from its
    /// desired settings.
    case waitForCertificates
    /// Evict the pod named by the target so it restarts with the desired configuration.
    case evictPod
    /// Wait until the restarted pod named by the target is ready.
    case waitForPodReady
    /// Write the desired certificate files for the pod named by the target and send
    /// memcached's `refresh_certs`.
    case reloadPod
    /// Check, by a TLS handshake, that the pod named by the target serves the desired server
    /// certificate.
    case verifyPod
    /// Record that every restarted pod is back (KubeDB's `RestartPods`).
    case finishRestarts
    /// Record that every reloaded pod serves the new certificate (`ReloadPods`).
    case finishReloads
    /// Write the desired `spec.tls` to the database, or remove it when TLS is removed.
    case updateDatabase
    /// Delete the Certificate and secret named by the target; no pod serves it any more.
    case deleteCertificate
    /// Mark the request successful.
    case markSuccessful
    /// Resume the database (remove its `Paused` condition) and end the request.
    case resumeDatabase

    /// The action's name, as the JSON form of a plan spells it.
    public var description: String { rawValue }

    /// Whether the action concerns one pod.
    public var isPodAction: Bool {
        switch self {
        case .evictPod, .waitForPodReady, .reloadPod, .verifyPod: return true
        default: return false
        }
    }

    /// Whether performing the action changes the cluster, as opposed to observing it or
    /// recording progress in the request's status.
    public var changesCluster: Bool {
        switch self {
        case .pauseDatabase, .reissueCertificates, .applyCertificate, .evictPod, .reloadPod,
            .updateDatabase, .deleteCertificate, .resumeDatabase:
            return true
        case .waitForCertificates, .waitForPodReady, .verifyPod, .finishRestarts,
            .finishReloads, .markSuccessful:
            return false
        }
    }
}
