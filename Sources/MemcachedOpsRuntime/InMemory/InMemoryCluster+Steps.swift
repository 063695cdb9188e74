import MemcachedOps

extension InMemoryCluster {
    /// What each step does to the simulated cluster; every step is idempotent.
    func apply(_ step: PlanStep, of plan: Plan, for request: MemcachedOpsRequest)
        -> StepOutcome
    {
        switch step.action {
        case .pauseDatabase:
            setPaused(true)
        case .reissueCertificates:
            reissueCertificates(for: Self.identity(request))
        case .applyCertificate:
            return applyCertificate(step.target, plan)
        case .waitForCertificates:
            return certificatesIssued(plan) ? .completed : .pending
        case .evictPod:
            return evict(step.target, plan)
        case .waitForPodReady:
            guard let pod = storedPods.first(where: { $0.name == step.target }) else {
                return .failed("pod \(step.target) does not exist")
            }
            return pod.ready ? .completed : .pending
        case .reloadPod:
            return reload(step.target, plan)
        case .verifyPod:
            return verify(step.target, plan)
        case .finishRestarts, .finishReloads, .markSuccessful:
            break
        case .updateDatabase:
            updateDatabase(plan.desiredTLS)
        case .deleteCertificate:
            deleteCertificate(step.target)
        case .resumeDatabase:
            setPaused(false)
        }
        return .completed
    }

    // MARK: - The database

    private func setPaused(_ paused: Bool) {
        var status = storedDatabase.status ?? MemcachedStatus(phase: .ready)
        var conditions = status.conditions ?? []
        guard conditions.isTrue("Paused") != paused else { return }
        conditions.removeAll { $0.type == "Paused" }
        if paused {
            conditions.append(
                Condition(
                    type: "Paused", status: .true, lastTransitionTime: clock.current,
                    reason: "PausedByOpsRequest",
                    message: "paused while an ops request reconfigures TLS"))
        }
        status.conditions = conditions
        storedDatabase.status = status
        recorded.record(paused ? .databasePaused : .databaseResumed, at: clock.current)
    }

    private func updateDatabase(_ tls: TLSConfig?) {
        guard storedDatabase.spec.tls != tls else { return }
        storedDatabase.spec.tls = tls
        storedDatabase.metadata.generation = (storedDatabase.metadata.generation ?? 0) + 1
        recorded.record(.databaseUpdated(tls: tls != nil), at: clock.current)
    }

    // MARK: - Certificates

    private func reissueCertificates(for request: String) {
        let due = clock.current.adding(Self.goDuration(latencies.certificateIssue))
        for index in storedCertificates.indices
        where !storedCertificates[index].reissuedFor.contains(request) {
            storedCertificates[index].reissuedFor.insert(request)
            storedCertificates[index].startIssuing(due: due, specChanged: false)
            recorded.record(
                .certificateMarkedForReissue(storedCertificates[index].name), at: clock.current)
        }
    }

    private func applyCertificate(_ name: String, _ plan: Plan) -> StepOutcome {
        guard let desired = plan.desiredCertificate(named: name) else {
            return .failed("the desired TLS configuration has no certificate \(name)")
        }
        let due = clock.current.adding(Self.goDuration(latencies.certificateIssue))
        if let index = storedCertificates.firstIndex(where: { $0.name == name }) {
            let current = storedCertificates[index]
            guard current.spec != desired || current.issuerRef != desired.issuerRef else {
                return .completed
            }
            storedCertificates[index].spec = desired
            storedCertificates[index].alias = desired.alias
            storedCertificates[index].issuerRef = desired.issuerRef
            storedCertificates[index].startIssuing(due: due, specChanged: true)
        } else {
            var certificate = SimulatedCertificate(
                name: name, alias: desired.alias, issuerRef: desired.issuerRef, spec: desired)
            certificate.startIssuing(due: due, specChanged: true)
            storedCertificates.append(certificate)
        }
        recorded.record(.certificateApplied(name), at: clock.current)
        return .completed
    }

    private func certificatesIssued(_ plan: Plan) -> Bool {
        for desired in plan.desiredTLS?.certificates ?? [] {
            guard
                let certificate = storedCertificates.first(where: {
                    $0.name == desired.secretName
                }), certificate.isIssued
            else { return false }
        }
        return true
    }

    private func deleteCertificate(_ name: String) {
        guard let index = storedCertificates.firstIndex(where: { $0.name == name }) else {
            return
        }
        let users = storedPods.filter { pod in
            pod.configuration.loaded[name] != nil || pod.configuration.mounted.contains(name)
        }
        storedCertificates.remove(at: index)
        recorded.record(
            .certificateDeleted(name, inUseBy: users.map(\.name)), at: clock.current)
    }

    // MARK: - Pods

    /// The configuration a pod moved by this plan runs: the desired TLS and the
    /// certificates as issued now.
    private func configuration(for plan: Plan) -> PodConfiguration {
        guard let tls = plan.desiredTLS else { return .plaintext }
        var loaded: [String: String] = [:]
        var mounted: [String] = []
        for certificate in tls.certificates ?? [] {
            guard let name = certificate.secretName else { continue }
            loaded[name] = storedCertificates.first { $0.name == name }?.fingerprint ?? ""
            if certificate.alias != "client" { mounted.append(name) }
        }
        return PodConfiguration(
            servesTLS: true, fingerprint: serverFingerprint(plan), mounted: mounted,
            loaded: loaded)
    }

    /// The fingerprint of the desired server certificate as issued now.
    private func serverFingerprint(_ plan: Plan) -> String? {
        guard let name = plan.desiredTLS?.certificate(alias: "server")?.secretName else {
            return nil
        }
        return storedCertificates.first { $0.name == name }?.fingerprint
    }

    private func evict(_ name: String, _ plan: Plan) -> StepOutcome {
        guard let index = storedPods.firstIndex(where: { $0.name == name }) else {
            return .failed("pod \(name) does not exist")
        }
        let target = configuration(for: plan)
        let pod = storedPods[index]
        if pod.configuration == target, pod.ready || pod.starting {
            return .completed
        }
        let lost = pod.cachedKeys
        storedPods[index].ready = false
        storedPods[index].starting = true
        storedPods[index].configuration = target
        storedPods[index].restartCount += 1
        storedPods[index].keysLost += lost
        storedPods[index].cachedKeys = 0
        recorded.record(.podEvicted(name, keysLost: lost), at: clock.current)
        if let fault = neverReadyFault(name) {
            storedPods[index].readyAt = nil
            fire(fault)
        } else {
            storedPods[index].readyAt = clock.current.adding(
                Self.goDuration(latencies.podRestart))
        }
        noteUnavailablePods()
        return .completed
    }

    private func reload(_ name: String, _ plan: Plan) -> StepOutcome {
        guard let index = storedPods.firstIndex(where: { $0.name == name }) else {
            return .failed("pod \(name) does not exist")
        }
        let pod = storedPods[index]
        guard pod.ready else { return .failed("pod \(name) cannot reload: it is not ready") }
        guard pod.servesTLS else {
            return .failed("pod \(name) cannot reload: it does not serve TLS")
        }
        let target = configuration(for: plan)
        guard target.servesTLS else {
            return .failed("pod \(name) cannot switch TLS off with a reload")
        }
        guard pod.configuration != target else { return .completed }
        storedPods[index].configuration = target
        storedPods[index].reloadCount += 1
        recorded.record(.podReloaded(name), at: clock.current)
        return .completed
    }

    private func verify(_ name: String, _ plan: Plan) -> StepOutcome {
        guard let pod = storedPods.first(where: { $0.name == name }) else {
            return .failed("pod \(name) does not exist")
        }
        guard pod.ready else { return .failed("pod \(name) is not ready") }
        guard plan.desiredTLS != nil else {
            return pod.servesTLS ? .failed("pod \(name) still serves TLS") : .completed
        }
        let expected = serverFingerprint(plan)
        guard pod.servesTLS, let served = pod.fingerprint else {
            return .failed("pod \(name) does not serve TLS")
        }
        guard served == expected else {
            let wanted = expected.map { String($0.prefix(12)) } ?? "an issued server certificate"
            return .failed("pod \(name) serves certificate \(served.prefix(12)), not \(wanted)")
        }
        return .completed
    }

    /// The index of a fault that keeps the pod down, if any.
    private func neverReadyFault(_ pod: String) -> Int? {
        faults.firstIndex { state in
            guard case .podNeverReady(let name) = state.fault.effect else { return false }
            return name == pod
        }
    }

    /// Simulated durations on the cluster's clock.
    static func goDuration(_ duration: Duration) -> GoDuration {
        GoDuration(nanoseconds: max(0, ManualClock.nanoseconds(duration)))
    }
}
