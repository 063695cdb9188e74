import MemcachedOps

/// A simulated Kubernetes cluster holding one Memcached database: its pods, its
/// cert-manager Certificates and secrets, the issuers, and ops requests with their status.
///
/// It is a complete ``OpsTransport``: give it to a ``Reconciler`` and requests run on it as
/// they would on a cluster, in simulated time on its ``ManualClock``, with no network. It
/// is what policy tests run against: after a run, ``history`` says which pods restarted,
/// how many were down at once and how much cache was lost, and ``pods``,
/// ``certificates`` and ``database`` show the end state.
///
/// ```swift
/// let cluster = InMemoryCluster(database: database, issuers: [
///     ObservedIssuer(name: "memcached-ca-issuer", ready: true)
/// ])
/// let request = await cluster.submit(rotation)
/// let outcome = try await cluster.reconciler().run(request)
/// #expect(outcome.isSuccessful)
/// #expect(await cluster.history.maximumUnavailablePods <= 1)
/// ```
///
/// What the simulation does:
///
/// - Pods `<db>-0` to `<db>-N-1` start ready, serving what the database's `spec.tls` says,
///   each with ``SimulatedPod/cachedKeys`` keys in its cache. An evicted pod is down until
///   ``SimulatedLatencies/podRestart`` has passed, then ready with the configuration the
///   plan wanted; its cache is lost. A reloaded pod serves the new certificate at once and
///   keeps its cache.
/// - cert-manager issues a created, updated or re-issued Certificate once
///   ``SimulatedLatencies/certificateIssue`` has passed, when its issuer exists and is
///   `Ready`; until then it stays `Issuing`, as cert-manager leaves it.
/// - Every step is idempotent, as ``OpsTransport`` requires: pausing a paused database,
///   applying an unchanged Certificate, marking certificates for re-issue again for the
///   same request, evicting or reloading a pod that already runs (or is starting with) the
///   desired configuration: each does nothing the second time.
/// - Faults (``InjectedFault``) make steps fail or stall, pods stay down, certificates never
///   issue, issuers disappear, or the reconciler die before a status write.
///
/// Time moves only when the reconciler sleeps on ``clock`` (by its poll interval) or the
/// test calls ``ManualClock/advance(by:)``; the cluster catches up with the clock whenever
/// it is looked at.
public actor InMemoryCluster: OpsTransport {
    /// The cluster's clock; give it to the reconciler, as
    /// ``reconciler(options:pollInterval:logger:)`` does.
    public nonisolated let clock: ManualClock
    /// How long restarts and issuing take.
    public nonisolated let latencies: SimulatedLatencies

    var storedDatabase: Memcached
    var storedPods: [SimulatedPod]
    var storedCertificates: [SimulatedCertificate]
    var storedIssuers: [ObservedIssuer]
    var storedRequests: [String: MemcachedOpsRequest] = [:]
    var requestOrder: [String] = []
    var faults: [FaultState]
    var stepCount = 0
    var recorded = ClusterHistory()

    /// An injected fault and how often it may still fire.
    struct FaultState: Sendable {
        var fault: InjectedFault
        var remaining: Int?
        /// An issuer this fault deleted, to put back at `returnAt`.
        var deletedIssuer: ObservedIssuer?
        var returnAt: Timestamp?

        var isSpent: Bool { remaining.map { $0 <= 0 } ?? false }
    }

    /// Creates a cluster with a database at rest.
    ///
    /// Every pod `<db>-0` ... `<db>-N-1` is ready and serves what `spec.tls` says, and every
    /// certificate of the defaulted `spec.tls` is issued (revision 1), as
    /// `ObservedState.settled(database:issuers:assumingReadyIssuers:)` describes. A database
    /// without a status is taken as `Ready`.
    ///
    /// - Parameters:
    ///   - database: The database.
    ///   - issuers: The issuers that exist; `nil` assumes the ones the database names exist
    ///     and are `Ready`. Name the issuer a request adds or changes to here.
    ///   - cachedKeysPerPod: How many keys each pod's cache holds at the start.
    ///   - latencies: How long restarts and issuing take.
    ///   - faults: What goes wrong.
    ///   - clock: The clock; a new ``ManualClock`` at ``ManualClock/defaultStart`` unless
    ///     given.
    public init(
        database: Memcached,
        issuers: [ObservedIssuer]? = nil,
        cachedKeysPerPod: Int = 1000,
        latencies: SimulatedLatencies = SimulatedLatencies(),
        faults: [InjectedFault] = [],
        clock: ManualClock = ManualClock()
    ) {
        let settled = ObservedState.settled(database: database, issuers: issuers)
        let now = clock.current
        var certificates: [SimulatedCertificate] = []
        for observed in settled.certificates {
            var certificate = SimulatedCertificate(
                name: observed.name, alias: observed.alias, issuerRef: observed.issuerRef,
                spec: observed.spec)
            certificate.issue(at: now)
            certificates.append(certificate)
        }
        var loaded: [String: String] = [:]
        for certificate in certificates {
            loaded[certificate.name] = certificate.fingerprint
        }
        let pods = settled.pods.map { pod in
            let server = certificates.first { $0.alias == "server" }
            let configuration =
                pod.servesTLS
                ? PodConfiguration(
                    servesTLS: true, fingerprint: server?.fingerprint,
                    mounted: pod.mountedCertificates, loaded: loaded)
                : PodConfiguration.plaintext
            return SimulatedPod(
                name: pod.name, ready: true, configuration: configuration,
                cachedKeys: cachedKeysPerPod)
        }

        self.clock = clock
        self.latencies = latencies
        self.storedDatabase = settled.database
        self.storedPods = pods
        self.storedCertificates = certificates
        self.storedIssuers = settled.issuers
        self.faults = faults.map { FaultState(fault: $0, remaining: $0.times) }
    }

    // MARK: - Reading

    /// The database, with its spec and status (phase, `Paused`).
    public var database: Memcached {
        catchUp()
        return storedDatabase
    }

    /// Whether the database has a `Paused` condition that is `True`.
    public var isDatabasePaused: Bool {
        catchUp()
        return storedDatabase.status?.conditions?.isTrue("Paused") ?? false
    }

    /// The database's pods, in ordinal order.
    public var pods: [SimulatedPod] {
        catchUp()
        return storedPods
    }

    /// The database's Certificates, in the order they were created.
    public var certificates: [SimulatedCertificate] {
        catchUp()
        return storedCertificates
    }

    /// The issuers that exist.
    public var issuers: [ObservedIssuer] {
        catchUp()
        return storedIssuers
    }

    /// The submitted requests, in the order they were submitted, with their status.
    public var requests: [MemcachedOpsRequest] {
        requestOrder.compactMap { storedRequests[$0] }
    }

    /// Everything that happened so far.
    public var history: ClusterHistory {
        catchUp()
        return recorded
    }

    /// The pod with the given name.
    ///
    /// - Parameter name: The pod's name.
    /// - Returns: The pod, or `nil` when there is none.
    public func pod(named name: String) -> SimulatedPod? {
        catchUp()
        return storedPods.first { $0.name == name }
    }

    /// The Certificate with the given name.
    ///
    /// - Parameter name: The Certificate's (and secret's) name.
    /// - Returns: The Certificate, or `nil` when there is none.
    public func certificate(named name: String) -> SimulatedCertificate? {
        catchUp()
        return storedCertificates.first { $0.name == name }
    }

    /// The contents of a certificate's secret: `tls.crt`, `tls.key` and `ca.crt`, simulated.
    ///
    /// The key is secret material: a transport never puts it in a message or a log, and the
    /// tests check that the reconciler does not either.
    ///
    /// - Parameter name: The secret's (and Certificate's) name.
    /// - Returns: The data by key, or `nil` when the secret does not exist.
    public func secret(named name: String) -> [String: String]? {
        catchUp()
        return storedCertificates.first { $0.name == name }?.secretData
    }

    // MARK: - Changing

    /// Stores a request, as `kubectl apply` does; a request of the same namespace and name
    /// is replaced.
    ///
    /// - Parameter request: The request. Without a `creationTimestamp`, it gets the clock's
    ///   current time, so that requests run in the order they were submitted.
    /// - Returns: The request as stored.
    @discardableResult
    public func submit(_ request: MemcachedOpsRequest) -> MemcachedOpsRequest {
        var stored = request
        if stored.metadata.creationTimestamp == nil {
            stored.metadata.creationTimestamp = clock.current
        }
        let key = Self.key(stored)
        if storedRequests[key] == nil { requestOrder.append(key) }
        storedRequests[key] = stored
        recorded.record(.requestSubmitted(key), at: clock.current)
        return stored
    }

    /// Adds a fault from now on.
    ///
    /// - Parameter fault: What goes wrong.
    public func inject(_ fault: InjectedFault) {
        faults.append(FaultState(fault: fault, remaining: fault.times))
    }

    /// Adds an issuer, or replaces the one of the same kind and name.
    ///
    /// Certificates waiting for it are issued once their issuing time has come.
    ///
    /// - Parameter issuer: The issuer.
    public func addIssuer(_ issuer: ObservedIssuer) {
        catchUp()
        restoreIssuer(issuer)
    }

    /// Adds an issuer without catching up with the clock first. Certificates that waited
    /// for it are issued ``SimulatedLatencies/certificateIssue`` from now.
    func restoreIssuer(_ issuer: ObservedIssuer) {
        storedIssuers.removeAll { $0.kind == issuer.kind && $0.name == issuer.name }
        storedIssuers.append(issuer)
        let now = clock.current
        let due = now.adding(Self.goDuration(latencies.certificateIssue))
        for index in storedCertificates.indices {
            let certificate = storedCertificates[index]
            guard let waiting = certificate.issueAt, waiting <= now,
                let reference = certificate.issuerRef, issuer.matches(reference)
            else { continue }
            storedCertificates[index].issueAt = due
        }
        recorded.record(.issuerAdded(kind: issuer.kind, name: issuer.name), at: clock.current)
    }

    /// Deletes an issuer; Certificates that need it stay unissued.
    ///
    /// - Parameters:
    ///   - name: The issuer's name.
    ///   - kind: `Issuer` or `ClusterIssuer`.
    public func removeIssuer(_ name: String, kind: String = "Issuer") {
        catchUp()
        deleteIssuer(name, kind: kind)
    }

    /// Deletes an issuer without catching up with the clock first.
    ///
    /// - Returns: The issuer deleted, if it existed.
    @discardableResult
    func deleteIssuer(_ name: String, kind: String) -> ObservedIssuer? {
        guard let index = storedIssuers.firstIndex(where: { $0.kind == kind && $0.name == name })
        else { return nil }
        let issuer = storedIssuers.remove(at: index)
        recorded.record(.issuerRemoved(kind: kind, name: name), at: clock.current)
        return issuer
    }

    /// Makes a pod ready or takes it down, outside of any step, as a node failure would.
    ///
    /// A pod taken down stays down until a step evicts it (it then restarts) or this is
    /// called again.
    ///
    /// - Parameters:
    ///   - name: The pod's name.
    ///   - ready: Whether it is ready from now on.
    public func setPod(_ name: String, ready: Bool) {
        guard let index = storedPods.firstIndex(where: { $0.name == name }) else { return }
        storedPods[index].ready = ready
        storedPods[index].starting = false
        storedPods[index].readyAt = nil
        refreshDatabasePhase()
    }

    /// A reconciler for this cluster, on its clock.
    ///
    /// - Parameters:
    ///   - options: The reload strategy and policies.
    ///   - pollInterval: How long the reconciler waits (in simulated time) before planning
    ///     again after a pending or blocked step.
    ///   - logger: Where log records go.
    /// - Returns: The reconciler.
    public nonisolated func reconciler(
        options: PlanOptions = PlanOptions(),
        pollInterval: Duration = .seconds(5),
        logger: OpsLogger = .disabled
    ) -> Reconciler {
        Reconciler(
            transport: self, options: options, clock: clock, pollInterval: pollInterval,
            logger: logger)
    }

    /// The key of a request: `namespace/name`.
    static func key(_ request: MemcachedOpsRequest) -> String {
        "\(request.namespace)/\(request.name)"
    }

    /// What tells one request from a later one of the same name: its uid, or its key and
    /// creation time.
    static func identity(_ request: MemcachedOpsRequest) -> String {
        if let uid = request.metadata.uid { return uid }
        return key(request) + "@" + (request.metadata.creationTimestamp?.text ?? "")
    }
}
