import MemcachedOps

extension LocalFleet {
    /// What the fleet looks like now: the database (its phase from the pods' readiness),
    /// each pod as it answers, the issuers and the requests.
    ///
    /// Pods are checked by pid and by a `version` round trip over their protocol, all at
    /// once.
    ///
    /// - Returns: The status.
    /// - Throws: ``LocalFleetError`` when a file of the fleet cannot be read.
    public func status() async throws(LocalFleetError) -> LocalFleetStatus {
        var database = try database()
        let records = try pods()
        let probes = await withTaskGroup(of: (Int, PodProbe).self) { group in
            for (index, pod) in records.enumerated() {
                group.addTask { (index, await self.probe(pod)) }
            }
            var probes = [PodProbe](repeating: PodProbe(ready: false), count: records.count)
            for await (index, probe) in group { probes[index] = probe }
            return probes
        }
        let ready = probes.filter(\.ready).count
        if database.status == nil { database.status = MemcachedStatus() }
        database.status?.phase =
            ready == records.count && ready > 0 ? .ready : (ready == 0 ? .notReady : .critical)

        let pods = zip(records, probes).map { pod, probe in
            LocalFleetStatus.Pod(
                name: pod.name, port: pod.port, pid: isRunning(pod) ? pod.pid : nil,
                ready: probe.ready, tls: pod.tls, certificateSHA256: probe.fingerprint,
                restartCount: pod.restartCount, reloadCount: pod.reloadCount)
        }
        var issuers: [LocalFleetStatus.IssuerEntry] = []
        for name in issuerNames {
            guard let issuer = try issuer(named: name) else { continue }
            issuers.append(
                LocalFleetStatus.IssuerEntry(
                    name: name, kind: issuer.kind, caFile: caFile(ofIssuer: name),
                    ready: issuer.isReady))
        }
        let requests = try requests().map { request in
            LocalFleetStatus.RequestEntry(
                name: request.name, phase: request.status?.phase?.rawValue,
                conditions: request.status?.conditions ?? [])
        }
        return LocalFleetStatus(
            database: database, pods: pods, issuers: issuers, requests: requests)
    }
}
