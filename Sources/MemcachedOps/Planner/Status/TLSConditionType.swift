/// The condition types a `ReconfigureTLS` request reports, as KubeDB spells them.
///
/// Per-pod types join a prefix and the pod's name with two hyphens, as KubeDB does:
/// `EvictPod--memcd-quickstart-0`. ``reloadTLS(pod:)`` and ``verifyTLS(pod:)`` are this
/// package's additions for the live-reload strategy; the others are KubeDB's.
public enum TLSConditionType {
    /// The request has started: the database is paused for it.
    public static let reconfigureTLS = "ReconfigureTLS"
    /// The pause step; KubeDB reports it as an event, and records the start as
    /// ``reconfigureTLS``.
    public static let pauseDatabase = "PauseDatabase"
    /// Rotation: every certificate was marked for re-issue.
    public static let issueCertificatesSucceeded = "IssueCertificatesSucceeded"
    /// Every certificate is created or updated, and issued.
    public static let certificateSynced = "CertificateSynced"
    /// A certificate was read (written while waiting for certificates).
    public static let getCertificate = "GetCertificate"
    /// A certificate's `Ready` condition was checked.
    public static let checkReadyCondition = "CheckReadyCondition"
    /// A certificate's `Issuing` condition was checked.
    public static let checkIssuingCondition = "CheckIssuingCondition"
    /// Every evicted pod is back; written `False` when the first pod is evicted.
    public static let restartPods = "RestartPods"
    /// Every reloaded pod serves the new certificate; written `False` at the first reload.
    public static let reloadPods = "ReloadPods"
    /// KubeDB's generic readiness check, written `False` when a pod is evicted.
    public static let isPodReady = "IsPodReady"
    /// The step that writes the database's `spec.tls`; KubeDB reports it as an event.
    public static let updateDatabase = "UpdateDatabase"
    /// The request succeeded.
    public static let successful = "Successful"
    /// The request failed; the message names the step and why.
    public static let failed = "Failed"
    /// A step failed and is being retried; the message counts the attempts.
    public static let retrying = "Retrying"
    /// The resume step; KubeDB reports it as an event, and records the end in the phase.
    public static let resumeDatabase = "ResumeDatabase"

    /// The prefix of ``evictPod(pod:)``.
    public static let evictPodPrefix = "EvictPod--"
    /// The prefix of ``isPodReady(pod:)``.
    public static let isPodReadyPrefix = "IsPodReady--"
    /// The prefix of ``reloadTLS(pod:)``.
    public static let reloadTLSPrefix = "ReloadTLS--"
    /// The prefix of ``verifyTLS(pod:)``.
    public static let verifyTLSPrefix = "VerifyTLS--"
    /// The prefix of ``deleteCertificate(name:)``.
    public static let deleteCertificatePrefix = "DeleteCertificate--"

    /// `EvictPod--<pod>`: the pod was evicted so it restarts with the new configuration.
    public static func evictPod(pod: String) -> String { evictPodPrefix + pod }

    /// `IsPodReady--<pod>`: the restarted pod is ready again.
    public static func isPodReady(pod: String) -> String { isPodReadyPrefix + pod }

    /// `ReloadTLS--<pod>`: the pod reloaded its certificate with `refresh_certs`.
    public static func reloadTLS(pod: String) -> String { reloadTLSPrefix + pod }

    /// `VerifyTLS--<pod>`: a TLS handshake showed the pod serves the new certificate.
    public static func verifyTLS(pod: String) -> String { verifyTLSPrefix + pod }

    /// `DeleteCertificate--<name>`: the step that deletes a certificate nothing serves; it is
    /// not written to the status (its effect is observed), except when it fails.
    public static func deleteCertificate(name: String) -> String {
        deleteCertificatePrefix + name
    }
}
