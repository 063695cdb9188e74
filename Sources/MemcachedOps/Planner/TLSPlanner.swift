/// The TLS planner: what must happen next for a `ReconfigureTLS` request, in order, and why.
///
/// The planner is a pure function of the request (spec and status so far), what is true now,
/// the options and the time: no clock, no I/O, no randomness. The same input gives an equal
/// ``Plan``. A reconciler performs the plan's first step, records it with
/// ``TLSStatusWriter``, observes again and plans again; because every step's completion is
/// read back from the request's conditions or from the cluster, a crash or a second process
/// at any moment resumes correctly, and a finished request plans to nothing.
///
/// Steps, in KubeDB's order (see `Documentation/Planner.md` for the condition each reports):
///
/// 1. pause the database;
/// 2. rotation only: mark every certificate for re-issue;
/// 3. create or update each Certificate whose settings differ from the desired ones, then
///    wait until every certificate is issued;
/// 4. one pod at a time: evict it and wait until it is ready (restart), or reload its
///    certificate and verify what it serves (reload); then record that all pods are done;
/// 5. write the desired `spec.tls` to the database (remove it when removing TLS);
/// 6. delete the certificates nothing wants and no pod serves any more;
/// 7. mark the request successful, and resume the database.
///
/// ```swift
/// let plan = TLSPlanner.plan(request: request, state: state, now: now)
/// if let step = plan.nextStep { try await transport.perform(step, of: plan) }
/// ```
public enum TLSPlanner {
    /// Plans what must happen next for a request.
    ///
    /// - Parameters:
    ///   - request: The `ReconfigureTLS` request, with its status so far.
    ///   - state: What is true now.
    ///   - options: The reload strategy and the policies.
    ///   - now: The current time, for `spec.timeout`.
    /// - Returns: The operation, the desired configuration, the steps still to do, and
    ///   whether the first can be performed now.
    public static func plan(
        request: MemcachedOpsRequest,
        state: ObservedState,
        options: PlanOptions = PlanOptions(),
        now: Timestamp
    ) -> Plan {
        var builder = PlanBuilder(request: request, state: state, options: options, now: now)
        return builder.build()
    }

    /// Recognises the operation a request asks for.
    ///
    /// - Parameters:
    ///   - request: The request.
    ///   - database: The database as observed.
    ///   - started: Whether the request has started; a started request is never refused for
    ///     the database's lack of TLS, which its own steps may have removed.
    /// - Returns: The operation, or why the request can never run.
    public static func operation(
        of request: MemcachedOpsRequest, database: Memcached, started: Bool = false
    ) -> Result<TLSOperation, Refusal> {
        guard request.spec.type == .reconfigureTLS else {
            return .failure(.notReconfigureTLS(type: request.spec.type?.rawValue))
        }
        guard let tls = request.spec.tls else { return .failure(.missingTLSSection) }
        if let reference = request.spec.databaseRef?.name, reference != database.name {
            return .failure(.wrongDatabase(requested: reference, observed: database.name))
        }
        let removes = tls.remove == true
        let rotates = tls.rotateCertificates == true
        let changes = tls.issuerRef != nil || tls.certificates != nil
        switch (removes ? 1 : 0) + (rotates ? 1 : 0) + (changes ? 1 : 0) {
        case 0: return .failure(.noOperation)
        case 1: break
        default: return .failure(.multipleOperations)
        }
        let current = database.spec.tls
        if removes {
            return current == nil && !started
                ? .failure(.removeWithoutTLS(database: database.name)) : .success(.removeTLS)
        }
        if rotates {
            return current == nil && !started
                ? .failure(.rotateWithoutTLS(database: database.name))
                : .success(.rotateCertificates)
        }
        guard let current else {
            return tls.issuerRef == nil ? .failure(.issuerRequired) : .success(.addTLS)
        }
        if let issuer = tls.issuerRef, !TLSConfig.sameIssuer(issuer, current.issuerRef) {
            return .success(.changeIssuer)
        }
        return .success(.updateCertificates)
    }

    /// The database's TLS configuration once a request is done.
    ///
    /// The database's `spec.tls` with the request merged in (see
    /// ``TLSConfig/serverDNSNames(database:namespace:)`` for the names added), defaulted
    /// with the three certificate aliases and their secret names, and with the server
    /// certificate covering the database's service names, `localhost` and `127.0.0.1`; its
    /// keys are in the models' own order, whatever order the input had. Applying it again
    /// to its own result changes nothing.
    ///
    /// - Parameters:
    ///   - operation: The operation recognised.
    ///   - database: The database as observed.
    ///   - request: The request's `spec.tls`.
    /// - Returns: The desired configuration, or `nil` when TLS is removed.
    public static func desiredTLS(
        for operation: TLSOperation, database: Memcached, request: ReconfigureTLSSpec
    ) -> TLSConfig? {
        guard operation != .removeTLS else { return nil }
        let base = database.spec.tls ?? TLSConfig()
        let merged = operation == .rotateCertificates ? base : base.merging(request)
        return merged.defaulted(databaseName: database.name)
            .coveringServerNames(database: database.name, namespace: database.namespace)
            .canonicallyOrdered()
    }
}
