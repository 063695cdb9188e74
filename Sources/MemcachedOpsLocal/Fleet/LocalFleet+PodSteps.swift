import MemcachedOps
import MemcachedOpsTLS

/// The pod steps: restart, wait, live reload, verify.
extension LocalFleet {
    /// Restarts a pod with the plan's configuration: checks the new files first, stops
    /// memcached by pid and waits until it is gone, puts the files in the pod's directory,
    /// and starts it again (with `-Z` and their paths, or without TLS).
    ///
    /// A running pod that already has the configuration is left alone; a pod that is down
    /// is started with it.
    func evictPod(_ name: String, plan: Plan) async throws(LocalFleetError) -> StepOutcome {
        guard let pod = try pod(named: name) else { return .failed("there is no pod \(name)") }
        let tls = plan.desiredTLS
        let serverName = Self.serverCertificate(tls)
        if tls != nil, serverName == nil {
            return .failed("the desired TLS configuration has no server certificate")
        }
        if isRunning(pod), configured(pod, as: tls) { return .completed }

        var staged: TLSSecretFiles?
        if let serverName {
            let files = try stage(certificate: serverName, for: name)
            if let problem = preflight(files, pod: name) {
                try FleetFiles.remove(files.directory)
                return .failed(problem)
            }
            staged = files
        }

        try await stopPod(pod)
        if let staged {
            try install(staged, into: layout.podServerDirectory(name))
        } else {
            try FleetFiles.remove(layout.podServerDirectory(name))
        }
        try mountExporterCertificate(tls, pod: name)
        let record = try updatePod(name) { record in
            record.tls = tls != nil
            record.mountedCertificates = Self.mountedCertificates(tls)
        }
        try await startPod(record, restarting: true)
        return .completed
    }

    /// Reports whether a restarted pod answers. A pod whose memcached is gone is started
    /// again with its configuration first, as the kubelet restarts a crashed container.
    func waitForPodReady(_ name: String) async throws(LocalFleetError) -> StepOutcome {
        guard var pod = try pod(named: name) else { return .failed("there is no pod \(name)") }
        if !isRunning(pod) {
            logger.log(.info, "\(name) is not running; starting it again", metadata)
            pod = try await startPod(pod, restarting: true)
        }
        return await probe(pod).ready ? .completed : .pending
    }

    /// Reloads a pod's certificate without a restart: stages the new files, checks them
    /// (`ReloadPreflight`), renames them into place, sends `refresh_certs`, and confirms
    /// with a new handshake that the pod presents the new certificate.
    ///
    /// When the check refuses the files, nothing of the pod changes. When memcached
    /// refuses to reload, the old files are put back. A pod that already presents the
    /// new certificate is left alone.
    func reloadPod(_ name: String, plan: Plan) async throws(LocalFleetError) -> StepOutcome {
        guard let pod = try pod(named: name) else { return .failed("there is no pod \(name)") }
        guard let serverName = Self.serverCertificate(plan.desiredTLS) else {
            return .failed("the desired TLS configuration has no server certificate")
        }
        guard isRunning(pod), pod.tls else {
            return .failed("\(name) does not run with TLS, so it cannot reload its certificate")
        }
        let expected = Self.fingerprint(of: secret(named: serverName))
        let mounted = Self.mountedCertificates(plan.desiredTLS)
        let before = await probe(pod)
        if let expected, before.ready, before.fingerprint == expected,
            pod.mountedCertificates == mounted
        {
            return .completed
        }

        let staged = try stage(certificate: serverName, for: name)
        if let problem = preflight(staged, pod: name) {
            try FleetFiles.remove(staged.directory)
            return .failed(problem)
        }
        guard let expected else {
            try FleetFiles.remove(staged.directory)
            return .failed("the secret of \(serverName) holds no readable certificate")
        }
        let server = serverFiles(of: name)
        let backup = TLSSecretFiles(directory: layout.podBackupDirectory(name))
        try FleetFiles.remove(backup.directory)
        try copy(server, to: backup)
        try install(staged, into: server.directory)

        if let refusal = await refreshCertificates(pod) {
            try install(backup, into: server.directory)
            return .failed(refusal)
        }
        try FleetFiles.remove(backup.directory)
        try mountExporterCertificate(plan.desiredTLS, pod: name)
        let reloaded = try updatePod(name) { record in
            record.mountedCertificates = mounted
            record.reloadCount += 1
        }
        var metadata = self.metadata
        metadata["mcops.pod"] = name
        logger.log(.info, "reloaded \(name) with refresh_certs", metadata)

        let basis = servedBasis(reloaded)
        let after = await PodProbe.probe(port: pod.port, tls: true, timeout: probeTimeout)
        remember(after, of: reloaded, basis: basis)
        guard after.ready, after.fingerprint == expected else {
            return .failed(
                "after refresh_certs \(name) presents "
                    + (after.fingerprint.map(Self.short) ?? "nothing")
                    + ", not \(Self.short(expected))" + (after.problem.map { ": \($0)" } ?? ""))
        }
        return .completed
    }

    /// Checks with a verified TLS handshake (the secret's CA, the address clients dial)
    /// that the pod presents the server certificate just issued.
    func verifyPod(_ name: String, plan: Plan) async throws(LocalFleetError) -> StepOutcome {
        guard let pod = try pod(named: name) else { return .failed("there is no pod \(name)") }
        guard let serverName = Self.serverCertificate(plan.desiredTLS) else {
            return .failed("the desired TLS configuration has no server certificate")
        }
        let secret = secret(named: serverName)
        guard let expected = Self.fingerprint(of: secret), let ca = try? secret.readCA() else {
            return .failed("the secret of \(serverName) holds no readable certificate")
        }
        do {
            let client = try await MemcachedClient.connect(
                host: "127.0.0.1", port: pod.port,
                tls: TLSClientConfiguration(trustRoots: .certificates(ca)),
                timeout: probeTimeout)
            let presented = client.serverCertificate?.sha256FingerprintHex
            let answered = (try? await client.version()) != nil
            await client.close()
            guard answered else { return .failed("\(name) did not answer over TLS") }
            guard presented == expected else {
                return .failed(
                    "\(name) presents \(presented.map(Self.short) ?? "nothing"), not the "
                        + "issued \(Self.short(expected))")
            }
            return .completed
        } catch {
            return .failed("cannot verify \(name): \(error)")
        }
    }

    /// Whether a pod is configured as a TLS configuration wants: TLS on or off, the same
    /// mounts, and the server certificate's current files.
    private func configured(_ pod: LocalPod, as tls: TLSConfig?) -> Bool {
        guard pod.tls == (tls != nil), pod.mountedCertificates == Self.mountedCertificates(tls)
        else { return false }
        guard let serverName = Self.serverCertificate(tls) else { return true }
        let mounted = Self.fingerprint(of: serverFiles(of: pod.name))
        return mounted != nil && mounted == Self.fingerprint(of: secret(named: serverName))
    }

    /// Sends `refresh_certs` to a pod; returns `nil` on `OK`, else why it failed.
    private func refreshCertificates(_ pod: LocalPod) async -> String? {
        do {
            let admin = try await MemcachedClient.connect(
                host: "127.0.0.1", port: pod.port,
                tls: TLSClientConfiguration(verifiesServer: false), timeout: probeTimeout)
            do {
                try await admin.refreshCertificates()
                await admin.close()
                return nil
            } catch {
                await admin.close()
                return "\(pod.name) refused to reload its certificate: \(error)"
            }
        } catch {
            return "cannot reach \(pod.name) to reload its certificate: \(error)"
        }
    }

    /// The first 16 hex digits of a fingerprint, for messages.
    static func short(_ fingerprint: String) -> String {
        String(fingerprint.prefix(16))
    }
}
