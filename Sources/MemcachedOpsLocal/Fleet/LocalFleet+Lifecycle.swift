import MemcachedOps
import MemcachedOpsRuntime
import MemcachedOpsTLS

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Creating a fleet, starting and stopping its pods, adding issuers, recording requests.
extension LocalFleet {
    /// Creates a fleet: writes a Memcached object without TLS, creates a CA issuer, and
    /// starts one plaintext memcached per replica, waiting until each answers.
    ///
    /// The pods keep running after this process exits; ``stop()`` stops them.
    ///
    /// - Parameters:
    ///   - directory: The directory, created when missing; it must not hold another fleet.
    ///   - database: The Memcached object's name; pods are `<database>-0` and so on.
    ///   - namespace: Its namespace.
    ///   - replicas: How many pods, 1 or more.
    ///   - options: How pods run, and the issuer's name.
    ///   - probeTimeout: The limit for each connection and round trip to a pod.
    ///   - logger: Where the fleet's log records go.
    /// - Returns: The running fleet.
    /// - Throws: ``LocalFleetError``: `memcachedMissing` (with how to install it),
    ///   `alreadyExists`, `podFailed`, or a file error.
    public static func create(
        at directory: String, database: String, namespace: String = "default", replicas: Int,
        options: Options = Options(), probeTimeout: Duration = .seconds(2),
        logger: OpsLogger = .disabled
    ) async throws(LocalFleetError) -> LocalFleet {
        guard isMemcachedInstalled(at: options.memcachedPath) else {
            throw LocalFleetError(
                .memcachedMissing, path: options.memcachedPath, detail: installHint)
        }
        guard replicas > 0 else {
            throw LocalFleetError(.invalidArgument, detail: "replicas must be 1 or more")
        }
        guard !database.isEmpty, !database.contains("/") else {
            throw LocalFleetError(.invalidArgument, detail: "'\(database)' is not a database name")
        }
        let root = FleetFiles.absolute(directory)
        guard !exists(at: root) else {
            throw LocalFleetError(
                .alreadyExists, path: root, detail: "the directory already holds a fleet")
        }
        try FleetFiles.makeDirectory(root)
        chmod(root, 0o755)
        try checkReachable(root)

        let settings = FleetSettings(
            database: database, namespace: namespace, memcachedPath: options.memcachedPath,
            restartable: options.restartable,
            memoryLimitMegabytes: max(64, options.memoryLimitMegabytes),
            threads: max(1, options.threads))
        let fleet = LocalFleet(
            directory: root, settings: settings, probeTimeout: probeTimeout, logger: logger)
        try fleet.lay(replicas: replicas)
        try fleet.addIssuer(named: options.issuerName)
        try await fleet.start()
        return fleet
    }

    /// Writes the fleet's files: settings, the Memcached object, and a record per pod with
    /// a free port.
    private func lay(replicas: Int) throws(LocalFleetError) {
        for path in [
            layout.requestsDirectory, layout.issuersDirectory, layout.certificatesDirectory,
            layout.podsDirectory,
        ] {
            try FleetFiles.makeDirectory(path)
        }
        let database = Memcached(
            metadata: ObjectMeta(
                name: databaseName, namespace: namespace, creationTimestamp: FleetClock.now()),
            spec: MemcachedSpec(replicas: Int32(replicas), deletionPolicy: .wipeOut),
            status: MemcachedStatus(phase: .provisioning))
        try FleetFiles.writeModel(database, to: layout.databaseFile)

        var ports: Set<Int> = []
        for name in database.podNames {
            var port = try FreePort.next()
            while ports.contains(port) { port = try FreePort.next() }
            ports.insert(port)
            try FleetFiles.makeDirectory(layout.podDirectory(name), owner: RunUser.forMemcached)
            try writePod(LocalPod(name: name, port: port))
        }
        try FleetFiles.writeRecord(settings, to: layout.settingsFile)
    }

    /// Starts every pod that does not run, as its record configures it, and waits until
    /// every pod answers; then marks the database `Ready`.
    ///
    /// Pods that run are left alone, so starting a running fleet does nothing.
    ///
    /// - Throws: ``LocalFleetError`` with code `memcachedMissing` or `podFailed`, or a
    ///   file error.
    public func start() async throws(LocalFleetError) {
        guard Self.isMemcachedInstalled(at: settings.memcachedPath) else {
            throw LocalFleetError(
                .memcachedMissing, path: settings.memcachedPath, detail: Self.installHint)
        }
        for pod in try pods() where !isRunning(pod) {
            try await startFirstTime(pod)
        }
        var version: String?
        for pod in try pods() {
            let probe = try await waitUntilReady(pod, timeout: .seconds(10))
            if version == nil { version = probe }
        }
        try updateDatabase { database in
            if database.spec.version == nil { database.spec.version = version }
            if database.status == nil { database.status = MemcachedStatus() }
            database.status?.phase = .ready
        }
        logger.log(.info, "fleet started", metadata)
    }

    /// Starts a pod; a pod that never ran moves to another port when its port is taken
    /// (another fleet may have picked the same free port a moment before).
    private func startFirstTime(_ pod: LocalPod) async throws(LocalFleetError) {
        var pod = pod
        for _ in 0..<5 {
            do {
                try await startPod(pod, restarting: false)
                return
            } catch  where error.code == .portInUse && pod.startedAt == nil {
                let port = try FreePort.next()
                pod = try updatePod(pod.name) { $0.port = port }
            }
        }
        try await startPod(pod, restarting: false)
    }

    /// Stops every pod by pid and waits until each is gone.
    ///
    /// A restartable fleet's pods save their cache for the next ``start()``.
    ///
    /// - Throws: ``LocalFleetError`` with code `podFailed` when a pod does not stop, or a
    ///   file error.
    public func stop() async throws(LocalFleetError) {
        var stubborn: [String] = []
        for pod in try pods() {
            if let pid = pod.pid {
                let gone = await MemcachedDaemon.stop(
                    pid, port: pod.port, savingCache: settings.restartable)
                if !gone { stubborn.append(pod.name) }
            }
            if !stubborn.contains(pod.name) { try updatePod(pod.name) { $0.pid = nil } }
        }
        try updateDatabase { database in
            if database.status == nil { database.status = MemcachedStatus() }
            database.status?.phase = .notReady
        }
        guard stubborn.isEmpty else {
            throw LocalFleetError(
                .podFailed, detail: "did not stop: " + stubborn.joined(separator: ", "))
        }
        logger.log(.info, "fleet stopped", metadata)
    }

    /// Creates a CA issuer: a new self-signed CA in the issuer's directory and a
    /// cert-manager issuer object (`spec.ca`) that is `Ready`.
    ///
    /// Adding an issuer that exists does nothing.
    ///
    /// - Parameters:
    ///   - name: The issuer's name.
    ///   - kind: `Issuer` (the default) or `ClusterIssuer`.
    /// - Returns: The issuer object.
    /// - Throws: ``LocalFleetError`` with code `issuerFailed`, or a file error.
    @discardableResult
    public func addIssuer(named name: String, kind: String = "Issuer") throws(LocalFleetError)
        -> Issuer
    {
        guard !name.isEmpty, !name.contains("/"), !name.hasPrefix(".") else {
            throw LocalFleetError(.invalidArgument, detail: "'\(name)' is not an issuer name")
        }
        return try lock.withLock { () throws(LocalFleetError) -> Issuer in
            if let existing = try issuer(named: name) { return existing }
            let authority: CertificateAuthority
            do {
                authority = try CertificateAuthority.create(
                    CertificateRequest(
                        commonName: "\(name) (mcops local fleet \(databaseName))",
                        organizations: ["mcops"], duration: .seconds(10 * 365 * 86_400)))
                try authority.write(to: layout.issuerCADirectory(name))
            } catch {
                throw LocalFleetError(.issuerFailed, detail: "cannot create the CA: \(error)")
            }
            let issuer = Issuer(
                kind: kind,
                metadata: ObjectMeta(
                    name: name, namespace: kind == "ClusterIssuer" ? nil : namespace,
                    creationTimestamp: FleetClock.now()),
                spec: IssuerSpec(ca: CAIssuer(secretName: "\(name)-ca")),
                status: IssuerStatus(conditions: [
                    Condition(
                        type: "Ready", status: .true, lastTransitionTime: FleetClock.now(),
                        reason: "KeyPairVerified", message: "Signing CA verified")
                ]))
            try FleetFiles.writeModel(issuer, to: layout.issuerFile(name))
            return issuer
        }
    }

    /// Deletes an issuer and its CA, as `kubectl delete issuer` would; Certificates it
    /// issued keep their secrets.
    ///
    /// - Parameter name: The issuer's name.
    /// - Throws: ``LocalFleetError`` with code `unwritableFile`.
    public func deleteIssuer(named name: String) throws(LocalFleetError) {
        try lock.withLock { () throws(LocalFleetError) in
            try FleetFiles.remove(layout.issuerDirectory(name))
        }
    }

    /// The CA certificates of every issuer of the fleet: what a client of the fleet
    /// trusts.
    ///
    /// - Returns: The CA certificates.
    public func trustedCertificates() -> [MemcachedOpsTLS.Certificate] {
        issuerNames.compactMap {
            try? TLSSecretFiles(directory: layout.issuerCADirectory($0)).readCA().first
        }
    }

    /// The path of an issuer's CA certificate, which clients trust.
    ///
    /// - Parameter name: The issuer's name.
    /// - Returns: `issuers/NAME/ca/ca.crt` in the fleet's directory.
    public func caFile(ofIssuer name: String) -> String {
        TLSSecretFiles(directory: layout.issuerCADirectory(name)).caPath
    }

    /// Records an ops request in the fleet, as `kubectl apply` would, and returns it as
    /// stored.
    ///
    /// A request that is already recorded keeps its status, so recording it again never
    /// restarts or repeats its work. A new request gets the fleet's namespace when it
    /// names none, and a creation time.
    ///
    /// - Parameter request: The request.
    /// - Returns: The request as stored, with its status so far.
    /// - Throws: ``LocalFleetError`` with code `invalidRequest` when it has no name, names
    ///   another namespace, or differs from the recorded request of the same name.
    @discardableResult
    public func record(_ request: MemcachedOpsRequest) throws(LocalFleetError)
        -> MemcachedOpsRequest
    {
        var request = request
        guard let name = request.metadata.name, !name.isEmpty, !name.contains("/") else {
            throw LocalFleetError(.invalidRequest, detail: "the request has no usable name")
        }
        if request.metadata.namespace == nil { request.metadata.namespace = namespace }
        guard request.namespace == namespace else {
            throw LocalFleetError(
                .invalidRequest,
                detail: "request \(request.namespace)/\(name) is not in the fleet's namespace "
                    + "\(namespace)")
        }
        return try lock.withLock { () throws(LocalFleetError) -> MemcachedOpsRequest in
            if let stored = try storedRequest(named: name) {
                guard stored.spec == request.spec else {
                    throw LocalFleetError(
                        .invalidRequest, path: layout.requestFile(name),
                        detail: "a different request named \(name) is already recorded; "
                            + "give the new one another name")
                }
                return stored
            }
            if request.metadata.creationTimestamp == nil {
                request.metadata.creationTimestamp = FleetClock.now()
            }
            try FleetFiles.writeModel(request, to: layout.requestFile(name))
            return request
        }
    }

    /// Checks that memcached, running as its own user, can reach files in `directory`.
    private static func checkReachable(_ directory: String) throws(LocalFleetError) {
        guard let user = RunUser.forMemcached else { return }
        var path = ""
        for component in directory.split(separator: "/") {
            path += "/" + component
            var info = stat()
            guard stat(path, &info) == 0 else { continue }
            let searchable =
                info.st_mode & 0o001 != 0 || (info.st_uid == user.uid && info.st_mode & 0o100 != 0)
                || (info.st_gid == user.gid && info.st_mode & 0o010 != 0)
            guard searchable else {
                throw LocalFleetError(
                    .unwritableFile, path: path,
                    detail: "memcached runs as \(user.name) and cannot enter this directory; "
                        + "choose a directory under /tmp, or run 'chmod o+x \(path)'")
            }
        }
    }
}
