import MemcachedOps
import MemcachedOpsRuntime

/// The fleet as a transport: observing the directory and the pods, performing one step.
extension LocalFleet: OpsTransport {
    /// The request as recorded in `requests/NAME.json`, with its status.
    ///
    /// - Parameters:
    ///   - name: The request's name.
    ///   - namespace: Its namespace; a request of another namespace is not found.
    /// - Returns: The request, or `nil` when it is not recorded.
    /// - Throws: ``LocalFleetError`` when the file is malformed.
    public func request(named name: String, namespace: String) async throws
        -> MemcachedOpsRequest?
    {
        guard let request = try storedRequest(named: name), request.namespace == namespace else {
            return nil
        }
        return request
    }

    /// What is true now: the Memcached object (its phase from the pods' readiness), every
    /// Certificate with its secret's fingerprint, every issuer, each pod as it answers,
    /// and the other unfinished requests.
    ///
    /// Each pod is asked for its version over its protocol, all at once; a TLS pod's
    /// handshake shows the certificate it presents. A TLS pod that a handshake showed
    /// serving its files' certificate moments ago, whose pid, record and files have not
    /// changed since, is only checked by pid and a TCP connect (see
    /// ``ServedCertificates``).
    ///
    /// - Parameter request: The request being planned.
    /// - Returns: The state.
    /// - Throws: ``LocalFleetError`` when a file of the fleet cannot be read.
    public func observe(for request: MemcachedOpsRequest) async throws -> ObservedState {
        var database = try database()
        let observedPods = try await observePods(database)
        let ready = observedPods.filter(\.ready).count
        if database.status == nil { database.status = MemcachedStatus() }
        database.status?.phase =
            ready == observedPods.count && ready > 0
            ? .ready : (ready == 0 ? .notReady : .critical)

        var others: [ObservedRequest] = []
        for other in try requests() where other.name != request.name {
            let observed = ObservedRequest(other)
            if !observed.hasEnded { others.append(observed) }
        }
        return ObservedState(
            database: database, certificates: try observeCertificates(),
            issuers: try observeIssuers(), pods: observedPods, otherRequests: others)
    }

    /// Performs one step of a plan on the fleet; see ``LocalFleet`` for what each does.
    ///
    /// - Parameters:
    ///   - step: The plan's next step.
    ///   - plan: The plan, for the desired configuration.
    ///   - request: The request.
    /// - Returns: Completed, pending (a wait is not over), or failed with why.
    /// - Throws: ``LocalFleetError`` when the fleet's files cannot be read or written; the
    ///   reconciler counts that as a failed step.
    public func perform(
        _ step: PlanStep, of plan: Plan, for request: MemcachedOpsRequest
    ) async throws -> StepOutcome {
        var metadata = self.metadata
        metadata["mcops.request"] = request.name
        metadata["mcops.step"] = step.condition
        logger.log(.debug, "performing \(step.action) on \(step.target)", metadata)

        switch step.action {
        case .pauseDatabase:
            try setPaused(true, by: request)
        case .reissueCertificates:
            return try reissueCertificates(for: request, plan: plan)
        case .applyCertificate:
            return try applyCertificate(step.target, plan: plan)
        case .waitForCertificates:
            return try waitForCertificates(plan)
        case .evictPod:
            return try await evictPod(step.target, plan: plan)
        case .waitForPodReady:
            return try await waitForPodReady(step.target)
        case .reloadPod:
            return try await reloadPod(step.target, plan: plan)
        case .verifyPod:
            return try await verifyPod(step.target, plan: plan)
        case .finishRestarts, .finishReloads, .markSuccessful:
            break
        case .updateDatabase:
            try updateDatabase { $0.spec.tls = plan.desiredTLS }
        case .deleteCertificate:
            return try deleteCertificate(step.target)
        case .resumeDatabase:
            try setPaused(false, by: request)
        }
        return .completed
    }

    /// Stores the request's new status in `requests/NAME.json`.
    ///
    /// - Parameters:
    ///   - status: The new status.
    ///   - request: The request.
    /// - Throws: ``LocalFleetError`` when the request is not recorded or cannot be
    ///   written.
    public func writeStatus(
        _ status: MemcachedOpsRequestStatus, for request: MemcachedOpsRequest
    ) async throws {
        try lock.withLock { () throws(LocalFleetError) in
            guard var stored = try storedRequest(named: request.name) else {
                throw LocalFleetError(
                    .unreadableFile, path: layout.requestFile(request.name),
                    detail: "the request is not recorded")
            }
            stored.status = status
            try FleetFiles.writeModel(stored, to: layout.requestFile(request.name))
        }
    }

    // MARK: - Observing

    private func observePods(_ database: Memcached) async throws -> [ObservedPod] {
        var records: [LocalPod] = []
        for name in database.podNames {
            if let pod = try pod(named: name) { records.append(pod) }
        }
        let probes = await withTaskGroup(of: (Int, PodProbe).self) { group in
            for (index, pod) in records.enumerated() {
                group.addTask { (index, await self.observeProbe(pod)) }
            }
            var probes = [PodProbe](repeating: PodProbe(ready: false), count: records.count)
            for await (index, probe) in group { probes[index] = probe }
            return probes
        }
        return zip(records, probes).map { pod, probe in
            let fingerprint =
                pod.tls
                ? (probe.fingerprint ?? Self.fingerprint(of: serverFiles(of: pod.name))) : nil
            return ObservedPod(
                name: pod.name, ready: probe.ready, servesTLS: pod.tls,
                fingerprint: fingerprint, mountedCertificates: pod.mountedCertificates)
        }
    }

    private func observeCertificates() throws(LocalFleetError) -> [ObservedCertificate] {
        var observed: [ObservedCertificate] = []
        for name in certificateNames {
            guard let certificate = try certificate(named: name) else { continue }
            let source = try certificateSource(named: name)
            let secret = secret(named: name)
            observed.append(
                ObservedCertificate(
                    alias: source?.alias ?? "",
                    name: name, issuerRef: source?.issuerRef, spec: source,
                    ready: certificate.isReady, issuing: certificate.isIssuing,
                    notAfter: certificate.status?.notAfter,
                    fingerprint: Self.fingerprint(of: secret),
                    secretPresent: FleetFiles.exists(secret.certificatePath)
                        && FleetFiles.exists(secret.privateKeyPath)))
        }
        return observed
    }

    private func observeIssuers() throws(LocalFleetError) -> [ObservedIssuer] {
        var observed: [ObservedIssuer] = []
        for name in issuerNames {
            guard let issuer = try issuer(named: name) else { continue }
            let usable = FleetFiles.exists(caFile(ofIssuer: name))
            observed.append(
                ObservedIssuer(kind: issuer.kind, name: name, ready: issuer.isReady && usable))
        }
        return observed
    }

    // MARK: - The database

    private func setPaused(_ paused: Bool, by request: MemcachedOpsRequest) throws(LocalFleetError)
    {
        try updateDatabase { database in
            if database.status == nil { database.status = MemcachedStatus() }
            var conditions = database.status?.conditions ?? []
            if paused {
                guard !conditions.isTrue("Paused") else { return }
                conditions.set(
                    Condition(
                        type: "Paused", status: .true, lastTransitionTime: FleetClock.now(),
                        reason: "PausedByOpsRequest",
                        message: "paused by MemcachedOpsRequest \(request.name)"))
            } else {
                conditions.removeAll { $0.type == "Paused" }
            }
            database.status?.conditions = conditions.isEmpty ? nil : conditions
        }
    }
}
