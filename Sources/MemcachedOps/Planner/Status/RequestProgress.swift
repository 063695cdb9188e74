/// What a request's status says has been done, read once per plan.
///
/// Fixed condition types are matched exactly; per-pod types (`EvictPod--<pod>` and the
/// others) are matched to the pods by name without building strings.
struct RequestProgress {
    /// Which per-pod conditions are `True` for one pod.
    struct PodMarks {
        var evicted = false
        var readyConfirmed = false
        var reloaded = false
        var verified = false
    }

    /// `ReconfigureTLS` is `True`: the pause step was recorded.
    var started = false
    /// `IssueCertificatesSucceeded` is `True`.
    var reissued = false
    /// `CertificateSynced` is `True`.
    var certificatesSynced = false
    /// `RestartPods` is `True`.
    var restartsFinished = false
    /// `ReloadPods` is `True`.
    var reloadsFinished = false
    /// `Successful` is `True`.
    var successful = false
    /// The latest `lastTransitionTime` of any condition: when the last step was recorded.
    var latest: Timestamp?
    /// The failures recorded by `Retrying`.
    var retry: RetryRecord?
    /// Per-pod marks, in the order of the pods given.
    var pods: [PodMarks]

    /// Reads the progress from the request's conditions.
    ///
    /// - Parameters:
    ///   - conditions: The request's `status.conditions`.
    ///   - pods: The database's pods, in the order the marks are wanted.
    init(conditions: [Condition]?, pods: [ObservedPod]) {
        self.pods = Array(repeating: PodMarks(), count: pods.count)
        guard let conditions else { return }
        for condition in conditions {
            if let time = condition.lastTransitionTime, latest.map({ time > $0 }) ?? true {
                latest = time
            }
            let isTrue = condition.status == .true
            switch condition.type {
            case TLSConditionType.reconfigureTLS: started = isTrue
            case TLSConditionType.issueCertificatesSucceeded: reissued = isTrue
            case TLSConditionType.certificateSynced: certificatesSynced = isTrue
            case TLSConditionType.restartPods: restartsFinished = isTrue
            case TLSConditionType.reloadPods: reloadsFinished = isTrue
            case TLSConditionType.successful: successful = isTrue
            case TLSConditionType.retrying:
                retry = condition.message.flatMap(RetryRecord.init(message:))
            default:
                if isTrue { markPod(condition.type, pods: pods) }
            }
        }
    }

    private mutating func markPod(_ type: String, pods: [ObservedPod]) {
        let prefix: String
        let kind: Int
        if type.hasPrefix(TLSConditionType.evictPodPrefix) {
            (prefix, kind) = (TLSConditionType.evictPodPrefix, 0)
        } else if type.hasPrefix(TLSConditionType.isPodReadyPrefix) {
            (prefix, kind) = (TLSConditionType.isPodReadyPrefix, 1)
        } else if type.hasPrefix(TLSConditionType.reloadTLSPrefix) {
            (prefix, kind) = (TLSConditionType.reloadTLSPrefix, 2)
        } else if type.hasPrefix(TLSConditionType.verifyTLSPrefix) {
            (prefix, kind) = (TLSConditionType.verifyTLSPrefix, 3)
        } else {
            return
        }
        let nameLength = type.utf8.count - prefix.utf8.count
        for index in pods.indices {
            let name = pods[index].name
            guard name.utf8.count == nameLength, type.hasSuffix(name) else { continue }
            switch kind {
            case 0: self.pods[index].evicted = true
            case 1: self.pods[index].readyConfirmed = true
            case 2: self.pods[index].reloaded = true
            default: self.pods[index].verified = true
            }
            return
        }
    }
}
