/// One step of a ``Plan``: an action, its target, the condition type it reports as, and why.
///
/// Steps are small values; the condition type and the reason are built when read, so
/// planning does not build strings it may never show.
public struct PlanStep: Sendable, Hashable {
    /// What the step does.
    public var action: StepAction

    /// What the step acts on: a pod name for pod steps, a Certificate name for certificate
    /// steps, and the database's name for the others.
    public var target: String

    /// Which attempt this is, from 1; above 1 after a failure was recorded in the request's
    /// `Retrying` condition.
    public var attempt: Int

    /// The operation the step belongs to; it shapes the reason.
    public var operation: TLSOperation?

    /// Whether the step winds down a failed request.
    public var windsDown: Bool

    /// Creates a step.
    ///
    /// - Parameters:
    ///   - action: What the step does.
    ///   - target: The pod, Certificate or database it acts on.
    ///   - operation: The operation it belongs to.
    ///   - attempt: Which attempt this is, from 1.
    ///   - windsDown: Whether it winds down a failed request.
    public init(
        _ action: StepAction, target: String, operation: TLSOperation?, attempt: Int = 1,
        windsDown: Bool = false
    ) {
        self.action = action
        self.target = target
        self.operation = operation
        self.attempt = attempt
        self.windsDown = windsDown
    }

    /// The KubeDB condition type the step reports as, such as `EvictPod--memcd-quickstart-0`.
    ///
    /// `PauseDatabase`, `UpdateDatabase`, `DeleteCertificate--<name>` and `ResumeDatabase`
    /// name steps KubeDB reports as events; ``TLSStatusWriter`` records their effect
    /// elsewhere (see its documentation).
    public var condition: String {
        switch action {
        case .pauseDatabase: return TLSConditionType.pauseDatabase
        case .reissueCertificates: return TLSConditionType.issueCertificatesSucceeded
        case .applyCertificate, .waitForCertificates: return TLSConditionType.certificateSynced
        case .evictPod: return TLSConditionType.evictPod(pod: target)
        case .waitForPodReady: return TLSConditionType.isPodReady(pod: target)
        case .reloadPod: return TLSConditionType.reloadTLS(pod: target)
        case .verifyPod: return TLSConditionType.verifyTLS(pod: target)
        case .finishRestarts: return TLSConditionType.restartPods
        case .finishReloads: return TLSConditionType.reloadPods
        case .updateDatabase: return TLSConditionType.updateDatabase
        case .deleteCertificate: return TLSConditionType.deleteCertificate(name: target)
        case .markSuccessful: return TLSConditionType.successful
        case .resumeDatabase: return TLSConditionType.resumeDatabase
        }
    }

    /// Why the step is needed, in a sentence.
    public var reason: String {
        switch action {
        case .pauseDatabase:
            return "pause \(target) so that nothing else changes it while TLS is reconfigured"
        case .reissueCertificates:
            return "mark every certificate of \(target) for re-issue, so that cert-manager "
                + "issues new ones from the same issuer"
        case .applyCertificate:
            return operation == .addTLS
                ? "create certificate \(target) from the desired TLS configuration"
                : "update certificate \(target) to the desired TLS configuration"
        case .waitForCertificates:
            return "wait until every certificate of \(target) is issued, Ready and no longer "
                + "Issuing, before any pod is moved"
        case .evictPod:
            switch operation {
            case .addTLS:
                return "restart \(target) so that it serves TLS; the other pods stay ready"
            case .removeTLS:
                return "restart \(target) without TLS; the other pods stay ready"
            default:
                return "restart \(target) so that it serves the new certificate; the other "
                    + "pods stay ready"
            }
        case .waitForPodReady:
            return "wait until \(target) is ready again before the next pod is touched"
        case .reloadPod:
            return "reload the certificate of \(target) with refresh_certs: no restart, "
                + "connections and cache kept"
        case .verifyPod:
            return "check by a TLS handshake that \(target) serves the new certificate"
        case .finishRestarts:
            return "record that every restarted pod of \(target) is back"
        case .finishReloads:
            return "record that every pod of \(target) serves the reloaded certificate"
        case .updateDatabase:
            return operation == .removeTLS
                ? "remove spec.tls from \(target)"
                : "write the desired spec.tls to \(target)"
        case .deleteCertificate:
            return "delete certificate \(target) and its secret: no pod serves it any more"
        case .markSuccessful:
            return "mark the request Successful"
        case .resumeDatabase:
            return windsDown
                ? "resume \(target) and mark the request Failed"
                : "resume \(target) and end the request"
        }
    }
}
