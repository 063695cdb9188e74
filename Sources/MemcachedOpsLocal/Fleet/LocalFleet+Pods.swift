import MemcachedOps
import MemcachedOpsTLS

/// Running pods: starting, checking, and the certificate files they mount.
extension LocalFleet {
    /// The host names and addresses clients of the fleet dial, which a pod's server
    /// certificate must name.
    static let clientHosts = ["127.0.0.1"]

    /// Whether the pod's recorded pid is a memcached on its port.
    func isRunning(_ pod: LocalPod) -> Bool {
        guard let pid = pod.pid else { return false }
        return ProcessTable.isMemcached(pid, port: pod.port)
    }

    /// Starts the pod's memcached as its record says and records the new pid.
    ///
    /// - Parameters:
    ///   - pod: The pod's record.
    ///   - restarting: Whether this counts as a restart of the pod.
    /// - Returns: The updated record.
    /// - Throws: ``LocalFleetError`` with code `podFailed`.
    @discardableResult
    func startPod(_ pod: LocalPod, restarting: Bool) async throws(LocalFleetError) -> LocalPod {
        let pid = try await MemcachedDaemon.start(pod, settings: settings, layout: layout)
        let record = try updatePod(pod.name) { record in
            record.pid = pid
            record.startedAt = FleetClock.now().text
            if restarting { record.restartCount += 1 }
        }
        var metadata = self.metadata
        metadata["mcops.pod"] = pod.name
        logger.log(.info, "started \(pod.name) (pid \(pid), port \(pod.port))", metadata)
        return record
    }

    /// Stops the pod's memcached by pid, waits until it is gone, and clears the pid.
    ///
    /// - Throws: ``LocalFleetError`` with code `podFailed` when it does not stop.
    func stopPod(_ pod: LocalPod) async throws(LocalFleetError) {
        if let pid = pod.pid {
            let gone = await MemcachedDaemon.stop(
                pid, port: pod.port, savingCache: settings.restartable)
            guard gone else {
                throw LocalFleetError(.podFailed, detail: "\(pod.name) (pid \(pid)) did not stop")
            }
        }
        try updatePod(pod.name) { $0.pid = nil }
    }

    /// Asks a pod whether it is ready: a `version` round trip over its protocol. What a
    /// TLS pod presents is remembered (see ``ServedCertificates``).
    func probe(_ pod: LocalPod) async -> PodProbe {
        guard isRunning(pod) else {
            served.forget(pod.name)
            return PodProbe(ready: false, problem: "\(pod.name) is not running")
        }
        let basis = servedBasis(pod)
        let result = await PodProbe.probe(port: pod.port, tls: pod.tls, timeout: probeTimeout)
        remember(result, of: pod, basis: basis)
        return result
    }

    /// Whether a pod is ready and what it presents, for observing the fleet: for a TLS
    /// pod whose pid, record and certificate files are as when a handshake within
    /// ``ServedCertificates/lifetime`` confirmed what it serves, its pid and a TCP connect
    /// suffice; every other pod is asked with ``probe(_:)``.
    func observeProbe(_ pod: LocalPod) async -> PodProbe {
        guard pod.tls, isRunning(pod), let basis = servedBasis(pod),
            let fingerprint = served.fingerprint(of: pod.name, basis: basis)
        else { return await probe(pod) }
        guard ServedCertificates.accepts(port: pod.port, timeout: probeTimeout) else {
            served.forget(pod.name)
            return await probe(pod)
        }
        return PodProbe(ready: true, fingerprint: fingerprint)
    }

    /// What the certificate a TLS pod serves depends on, or `nil` for a pod without TLS,
    /// not started, or without its certificate files.
    func servedBasis(_ pod: LocalPod) -> ServedCertificates.Basis? {
        guard pod.tls, let pid = pod.pid else { return nil }
        let files = serverFiles(of: pod.name)
        guard let certificate = ServedCertificates.FileStamp(path: files.certificatePath),
            let key = ServedCertificates.FileStamp(path: files.privateKeyPath)
        else { return nil }
        return ServedCertificates.Basis(
            pid: pid, port: pod.port, startedAt: pod.startedAt, reloadCount: pod.reloadCount,
            restartCount: pod.restartCount, mountedCertificates: pod.mountedCertificates,
            certificateFile: certificate, privateKeyFile: key)
    }

    /// Remembers what a handshake begun after `basis` was taken showed a pod presents,
    /// when it is the certificate of the pod's files and the files did not change
    /// meanwhile; forgets it otherwise.
    func remember(_ result: PodProbe, of pod: LocalPod, basis: ServedCertificates.Basis?) {
        guard let basis, result.ready, let presented = result.fingerprint,
            presented == Self.fingerprint(of: serverFiles(of: pod.name)),
            servedBasis(pod) == basis
        else {
            served.forget(pod.name)
            return
        }
        served.remember(presented, of: pod.name, basis: basis)
    }

    /// Waits until a pod answers, and returns the version it reports.
    ///
    /// - Throws: ``LocalFleetError`` with code `podFailed` when it does not answer in
    ///   time.
    func waitUntilReady(_ pod: LocalPod, timeout: Duration) async throws(LocalFleetError)
        -> String?
    {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        var last = PodProbe(ready: false)
        while clock.now < deadline {
            last = await probe(pod)
            if last.ready { return last.version }
            try? await Task.sleep(for: .milliseconds(20))
        }
        throw LocalFleetError(
            .podFailed, detail: "\(pod.name) is not ready: \(last.problem ?? "no answer")")
    }

    // MARK: - Mounted certificate files

    /// The names of the Certificates a pod mounts under a TLS configuration: every
    /// certificate but the client's (memcached's server certificate and the metrics
    /// exporter's), as KubeDB mounts them.
    static func mountedCertificates(_ tls: TLSConfig?) -> [String] {
        (tls?.certificates ?? []).filter { $0.alias != "client" }.compactMap(\.secretName)
    }

    /// The name of the server Certificate of a TLS configuration.
    static func serverCertificate(_ tls: TLSConfig?) -> String? {
        tls?.certificate(alias: "server")?.secretName
    }

    /// The files memcached of a pod loads.
    func serverFiles(of pod: String) -> TLSSecretFiles {
        TLSSecretFiles(directory: layout.podServerDirectory(pod))
    }

    /// Copies a Certificate's secret into the pod's staging directory, given to
    /// memcached's user, ready to be checked and renamed into place.
    ///
    /// - Returns: The staged files.
    /// - Throws: ``LocalFleetError`` when the secret cannot be read or the copy written.
    func stage(certificate name: String, for pod: String) throws(LocalFleetError)
        -> TLSSecretFiles
    {
        let staged = TLSSecretFiles(directory: layout.podStagingDirectory(pod))
        try FleetFiles.remove(staged.directory)
        try copy(secret(named: name), to: staged)
        return staged
    }

    /// Checks staged files before a pod loads them: the key is the certificate's, the
    /// chain verifies against the CA in the secret, the dates hold, and the certificate
    /// names the hosts clients dial.
    ///
    /// - Returns: `nil` when the files may be loaded, else why not.
    func preflight(_ staged: TLSSecretFiles, pod: String) -> String? {
        guard let ca = try? staged.readCA() else {
            return "pre-flight check refused the certificate for \(pod): its ca.crt cannot be read"
        }
        let result = ReloadPreflight(clientCA: ca, hosts: Self.clientHosts).check(staged)
        guard !result.isValid else { return nil }
        let reasons = result.failures.map(\.description).joined(separator: "; ")
        return "pre-flight check refused the certificate for \(pod): \(reasons)"
    }

    /// Renames staged files into a directory, the key first and the certificate last.
    func install(_ staged: TLSSecretFiles, into directory: String) throws(LocalFleetError) {
        try FleetFiles.makeDirectory(directory, owner: RunUser.forMemcached)
        let target = TLSSecretFiles(directory: directory)
        try FleetFiles.move(staged.privateKeyPath, to: target.privateKeyPath)
        try FleetFiles.move(staged.caPath, to: target.caPath)
        try FleetFiles.move(staged.certificatePath, to: target.certificatePath)
        try FleetFiles.remove(staged.directory)
    }

    /// Copies the three files of a secret into another directory, given to memcached's
    /// user, each by atomic rename.
    func copy(_ source: TLSSecretFiles, to target: TLSSecretFiles) throws(LocalFleetError) {
        let owner = RunUser.forMemcached
        try FleetFiles.makeDirectory(target.directory, owner: owner)
        let files = [
            (source.privateKeyPath, target.privateKeyPath, mode_t(0o600)),
            (source.caPath, target.caPath, mode_t(0o644)),
            (source.certificatePath, target.certificatePath, mode_t(0o644)),
        ]
        for (from, to, mode) in files {
            try FleetFiles.write(try FleetFiles.read(from), to: to, mode: mode, owner: owner)
        }
    }

    /// Puts the metrics exporter's certificate into the pod (or removes it).
    func mountExporterCertificate(_ tls: TLSConfig?, pod: String) throws(LocalFleetError) {
        let directory = layout.podExporterDirectory(pod)
        guard let name = tls?.certificate(alias: "metrics-exporter")?.secretName,
            FleetFiles.exists(secret(named: name).certificatePath)
        else {
            try FleetFiles.remove(directory)
            return
        }
        try copy(secret(named: name), to: TLSSecretFiles(directory: directory))
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
