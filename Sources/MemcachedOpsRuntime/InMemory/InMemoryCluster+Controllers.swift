import MemcachedOps

extension InMemoryCluster {
    /// Brings the simulation up to the clock's time: faults triggered by the steps so far
    /// fire, restarted pods whose time has come are ready, and cert-manager issues the
    /// Certificates that are due and whose issuer exists and is `Ready`.
    func catchUp() {
        let now = clock.current
        fireStepTriggeredFaults()

        var changes: [(time: Timestamp, kind: ClusterEvent.Kind)] = []
        for index in storedPods.indices {
            let pod = storedPods[index]
            guard !pod.ready, pod.starting, let due = pod.readyAt, due <= now else { continue }
            storedPods[index].ready = true
            storedPods[index].starting = false
            storedPods[index].readyAt = nil
            changes.append((due, .podReady(pod.name)))
        }
        for index in storedCertificates.indices {
            let certificate = storedCertificates[index]
            guard let due = certificate.issueAt, due <= now else { continue }
            // Without its issuer, cert-manager waits; see `restoreIssuer(_:)`.
            guard canIssue(certificate) else { continue }
            storedCertificates[index].issue(at: due)
            changes.append(
                (due, .certificateIssued(certificate.name, revision: certificate.revision + 1)))
        }
        for change in changes.sorted(by: { $0.time < $1.time }) {
            recorded.record(change.kind, at: change.time)
        }
        if !changes.isEmpty { refreshDatabasePhase() }
    }

    /// Whether cert-manager can issue the Certificate now; a due Certificate that cannot
    /// waits, and is issued when it can, from then on.
    private func canIssue(_ certificate: SimulatedCertificate) -> Bool {
        let neverIssues = faults.contains { state in
            guard case .certificateNeverIssues(let name) = state.fault.effect else {
                return false
            }
            return name == certificate.name
        }
        guard !neverIssues, let reference = certificate.issuerRef else { return false }
        guard let issuer = storedIssuers.first(where: { $0.matches(reference) }),
            issuer.exists, issuer.ready
        else { return false }
        return true
    }

    /// Fires the issuer faults whose number of steps has been reached, and brings back the
    /// issuers whose absence is over.
    func fireStepTriggeredFaults() {
        let now = clock.current
        for index in faults.indices {
            guard
                case .issuerDisappears(let kind, let name, let afterSteps, let returnsAfter) =
                    faults[index].fault.effect
            else { continue }
            if !faults[index].isSpent, stepCount >= afterSteps {
                fire(index)
                faults[index].deletedIssuer = deleteIssuer(name, kind: kind)
                faults[index].returnAt = returnsAfter.map { now.adding(Self.goDuration($0)) }
            }
            if let issuer = faults[index].deletedIssuer, let due = faults[index].returnAt,
                due <= now
            {
                faults[index].deletedIssuer = nil
                restoreIssuer(issuer)
            }
        }
    }

    /// Keeps the database's phase in step with its pods: `Ready` when all are ready,
    /// `Critical` when some are, `NotReady` when none is. Other phases are left alone.
    func refreshDatabasePhase() {
        noteUnavailablePods()
        let phase = storedDatabase.status?.phase
        guard phase == nil || phase == .ready || phase == .critical || phase == .notReady else {
            return
        }
        let ready = storedPods.filter(\.ready).count
        let next: DatabasePhase =
            ready == storedPods.count ? .ready : ready == 0 ? .notReady : .critical
        guard next != phase else { return }
        if storedDatabase.status == nil { storedDatabase.status = MemcachedStatus() }
        storedDatabase.status?.phase = next
    }

    /// Records the number of pods down now when it is the most so far.
    func noteUnavailablePods() {
        let down = storedPods.filter { !$0.ready }.count
        recorded.maximumUnavailablePods = max(recorded.maximumUnavailablePods, down)
    }
}
