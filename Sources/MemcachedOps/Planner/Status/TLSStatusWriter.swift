/// The request status to write after each step, with KubeDB's condition types, messages and
/// order.
///
/// Conditions are set as kmodules sets them (``Swift/Array/set(_:)``): a new type is
/// appended, an existing type is replaced in place, so the list keeps first-insertion order,
/// and a condition keeps its `lastTransitionTime` while its status does not change. Under
/// the `restart` strategy a successful run writes exactly KubeDB's list:
///
/// | step | written |
/// |---|---|
/// | pause | `ReconfigureTLS` True; phase `Progressing` |
/// | mark for re-issue | `IssueCertificatesSucceeded` True |
/// | create or update a Certificate | `CertificateSynced` False, when not yet present |
/// | wait for certificates | `CertificateSynced` False when new; `GetCertificate`, |
/// | | `CheckReadyCondition`, `CheckIssuingCondition`; `CertificateSynced` True |
/// | evict a pod | `RestartPods` False when new, `EvictPod--<pod>` True, `IsPodReady` False |
/// | wait for the pod | `IsPodReady--<pod>` True |
/// | reload a pod | `ReloadPods` False when new, `ReloadTLS--<pod>` True |
/// | verify a pod | `VerifyTLS--<pod>` True |
/// | finish restarts / reloads | `RestartPods` / `ReloadPods` True |
/// | write spec.tls, delete a certificate | nothing: the effect is observed in the cluster |
/// | mark successful | `Successful` True |
/// | resume | phase `Successful`; or phase `Failed` and a `Failed` condition |
///
/// A failed step sets its own condition type `False` with the error, and `Retrying` with
/// the count of failures in a row (see `Documentation/Planner.md`).
public enum TLSStatusWriter {
    /// The request's status after a step was performed.
    ///
    /// - Parameters:
    ///   - step: The step performed, the plan's ``Plan/nextStep``.
    ///   - outcome: What happened.
    ///   - plan: The plan the step came from.
    ///   - request: The request, with its status before the step.
    ///   - now: The time to record.
    /// - Returns: The status to write.
    public static func status(
        after step: PlanStep,
        outcome: StepOutcome,
        in plan: Plan,
        for request: MemcachedOpsRequest,
        now: Timestamp
    ) -> MemcachedOpsRequestStatus {
        var writer = ConditionWriter(request: request, now: now)
        switch outcome {
        case .completed:
            writer.completed(step, plan: plan)
        case .pending:
            writer.pending(step)
        case .failed(let message):
            writer.failed(step, message: message)
        }
        return writer.status
    }

    /// The status of a request the planner refused before it started: phase `Failed` and a
    /// `Failed` condition with the reason.
    ///
    /// - Parameters:
    ///   - refusal: Why the request can never run.
    ///   - request: The request.
    ///   - now: The time to record.
    /// - Returns: The status to write.
    public static func status(
        refusing refusal: Refusal, for request: MemcachedOpsRequest, now: Timestamp
    ) -> MemcachedOpsRequestStatus {
        var writer = ConditionWriter(request: request, now: now)
        writer.set(
            TLSConditionType.failed, .true, reason: "Failed",
            message: "Failed to reconfigure TLS: \(refusal.message)", severity: .error)
        writer.status.phase = .failed
        return writer.status
    }

    /// The message of KubeDB's per-pod conditions: `"evict pod; ConditionStatus:True;
    /// PodName:<pod>"`.
    ///
    /// - Parameters:
    ///   - check: What was done, in lowercase words, such as `evict pod`.
    ///   - status: The condition's status.
    ///   - pod: The pod, or `nil` for the generic form.
    /// - Returns: The message, such as `is pod ready; ConditionStatus:False`.
    public static func podMessage(_ check: String, _ status: ConditionStatus, pod: String?)
        -> String
    {
        var message = "\(check); ConditionStatus:\(status.rawValue)"
        if let pod { message += "; PodName:\(pod)" }
        return message
    }
}

/// Sets conditions on a copy of a request's status.
struct ConditionWriter {
    var status: MemcachedOpsRequestStatus
    let generation: Int64?
    let now: Timestamp

    init(request: MemcachedOpsRequest, now: Timestamp) {
        self.status = request.status ?? MemcachedOpsRequestStatus()
        self.generation = request.metadata.generation
        self.now = now
        if status.conditions == nil { status.conditions = [] }
        if let generation { status.observedGeneration = generation }
    }

    private var conditions: [Condition] { status.conditions ?? [] }

    mutating func set(
        _ type: String, _ value: ConditionStatus, reason: String? = nil, message: String,
        severity: ConditionSeverity? = nil
    ) {
        status.conditions?.set(
            Condition(
                type: type, status: value, observedGeneration: generation, severity: severity,
                lastTransitionTime: now, reason: reason, message: message))
    }

    /// Sets a condition only when its type is not in the list yet.
    private mutating func insert(
        _ type: String, _ value: ConditionStatus, reason: String? = nil, message: String
    ) {
        guard conditions.condition(type) == nil else { return }
        set(type, value, reason: reason, message: message)
    }

    private mutating func check(_ type: String, _ words: String, _ value: ConditionStatus) {
        set(type, value, message: TLSStatusWriter.podMessage(words, value, pod: nil))
    }

    private mutating func podCheck(_ type: String, _ words: String, pod: String) {
        set(type, .true, message: TLSStatusWriter.podMessage(words, .true, pod: pod))
    }

    mutating func completed(_ step: PlanStep, plan: Plan) {
        let pod = step.target
        switch step.action {
        case .pauseDatabase:
            set(
                TLSConditionType.reconfigureTLS, .true, reason: TLSConditionType.reconfigureTLS,
                message: "Memcached ops request is reconfiguring TLS")
            status.phase = .progressing
        case .reissueCertificates:
            set(
                TLSConditionType.issueCertificatesSucceeded, .true,
                reason: TLSConditionType.issueCertificatesSucceeded,
                message: "successfully add issuing condition to all the certificates")
        case .applyCertificate:
            insertSyncing()
        case .waitForCertificates:
            insertSyncing()
            check(TLSConditionType.getCertificate, "get certificate", .true)
            check(TLSConditionType.checkReadyCondition, "check ready condition", .true)
            check(TLSConditionType.checkIssuingCondition, "check issuing condition", .true)
            set(
                TLSConditionType.certificateSynced, .true,
                reason: TLSConditionType.certificateSynced,
                message: "Successfully synced all certificates")
        case .evictPod:
            insert(
                TLSConditionType.restartPods, .false, reason: TLSConditionType.restartPods,
                message: "Restarting pods")
            podCheck(TLSConditionType.evictPod(pod: pod), "evict pod", pod: pod)
            check(TLSConditionType.isPodReady, "is pod ready", .false)
        case .waitForPodReady:
            podCheck(TLSConditionType.isPodReady(pod: pod), "is pod ready", pod: pod)
        case .reloadPod:
            insert(
                TLSConditionType.reloadPods, .false, reason: TLSConditionType.reloadPods,
                message: "Reloading TLS in pods")
            podCheck(TLSConditionType.reloadTLS(pod: pod), "reload tls", pod: pod)
        case .verifyPod:
            podCheck(TLSConditionType.verifyTLS(pod: pod), "verify tls", pod: pod)
        case .finishRestarts:
            set(
                TLSConditionType.restartPods, .true, reason: TLSConditionType.restartPods,
                message: "Successfully restarted pods")
        case .finishReloads:
            set(
                TLSConditionType.reloadPods, .true, reason: TLSConditionType.reloadPods,
                message: "Successfully reloaded TLS in pods")
        case .updateDatabase, .deleteCertificate:
            break
        case .markSuccessful:
            set(
                TLSConditionType.successful, .true, reason: TLSConditionType.successful,
                message: "Successfully reconfigured TLS")
        case .resumeDatabase:
            if case .failing(let failure) = plan.disposition {
                set(
                    TLSConditionType.failed, .true, reason: "Failed",
                    message: "Failed to reconfigure TLS: \(failure.message)", severity: .error)
                status.phase = .failed
            } else {
                status.phase = .successful
            }
        }
    }

    private mutating func insertSyncing() {
        insert(
            TLSConditionType.certificateSynced, .false,
            reason: TLSConditionType.certificateSynced, message: "Syncing certificates")
    }

    mutating func pending(_ step: PlanStep) {
        switch step.action {
        case .applyCertificate, .waitForCertificates:
            insertSyncing()
        default:
            break
        }
    }

    mutating func failed(_ step: PlanStep, message: String) {
        let type = step.condition
        set(type, .false, reason: "Failed", message: message, severity: .warning)
        let previous = conditions.condition(TLSConditionType.retrying)?.message.flatMap(
            RetryRecord.init(message:))
        let failures = previous.map { $0.step == type ? $0.failures + 1 : 1 } ?? 1
        let record = RetryRecord(step: type, failures: failures, lastError: message)
        set(
            TLSConditionType.retrying, .true, reason: TLSConditionType.retrying,
            message: record.message)
        // Each failure starts the step's time limit again, so the retry gets its own.
        if let index = status.conditions?.firstIndex(where: {
            $0.type == TLSConditionType.retrying
        }) {
            status.conditions?[index].lastTransitionTime = now
        }
    }
}
