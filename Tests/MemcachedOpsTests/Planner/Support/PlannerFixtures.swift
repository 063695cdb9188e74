@testable import MemcachedOps

/// Databases, issuers and requests for planner tests, modelled on KubeDB's documentation
/// (`memcd-quickstart` in namespace `demo`).
enum PlannerFixtures {
    static let namespace = "demo"
    static let databaseName = "memcd-quickstart"
    static let start = Timestamp(secondsSinceEpoch: 1_731_668_437)  // 2024-11-15T11:00:37Z

    static func issuerRef(_ name: String, kind: String = "Issuer") -> TypedLocalObjectReference {
        TypedLocalObjectReference(apiGroup: "cert-manager.io", kind: kind, name: name)
    }

    /// A database, with TLS from `issuer` when given.
    static func database(
        replicas: Int32 = 1, issuer: String? = nil, name: String = databaseName,
        namespace: String = namespace, phase: DatabasePhase = .ready
    ) -> Memcached {
        let tls = issuer.map { issuer in
            TLSConfig(
                issuerRef: issuerRef(issuer),
                certificates: [
                    CertificateSpec(alias: "client", ipAddresses: ["127.0.0.1", "192.168.0.252"])
                ])
        }
        return Memcached(
            metadata: ObjectMeta(name: name, namespace: namespace, generation: 1),
            spec: MemcachedSpec(version: "1.6.40", replicas: replicas, tls: tls),
            status: MemcachedStatus(phase: phase, conditions: readyConditions))
    }

    static let readyConditions: [Condition] = [
        Condition(type: "ProvisioningStarted", status: .true),
        Condition(type: "ReplicaReady", status: .true),
        Condition(type: "AcceptingConnection", status: .true),
        Condition(type: "Ready", status: .true),
        Condition(type: "Provisioned", status: .true),
    ]

    /// A `ReconfigureTLS` request on `memcd-quickstart`.
    static func request(
        _ name: String, tls: ReconfigureTLSSpec, database: String = databaseName,
        namespace: String = namespace, timeout: GoDuration? = nil, maxRetries: Int32? = nil,
        apply: ApplyPolicy? = nil
    ) -> MemcachedOpsRequest {
        MemcachedOpsRequest(
            metadata: ObjectMeta(
                name: name, namespace: namespace, generation: 1, creationTimestamp: start),
            spec: MemcachedOpsRequestSpec(
                databaseRef: LocalObjectReference(name: database), type: .reconfigureTLS,
                tls: tls, timeout: timeout, apply: apply, maxRetries: maxRetries))
    }

    /// The request for `operation`, as in KubeDB's documentation.
    static func tls(for operation: TLSOperation) -> ReconfigureTLSSpec {
        switch operation {
        case .addTLS:
            return ReconfigureTLSSpec(
                issuerRef: issuerRef("memcached-ca-issuer"),
                certificates: [
                    CertificateSpec(
                        alias: "client",
                        subject: X509Subject(
                            organizations: ["memcached"], organizationalUnits: ["client"]))
                ])
        case .rotateCertificates:
            return ReconfigureTLSSpec(rotateCertificates: true)
        case .changeIssuer:
            return ReconfigureTLSSpec(issuerRef: issuerRef("my-new-issuer"))
        case .updateCertificates:
            return ReconfigureTLSSpec(certificates: [
                CertificateSpec(
                    alias: "server", duration: GoDuration("4320h"),
                    dnsNames: ["cache.example.com"])
            ])
        case .removeTLS:
            return ReconfigureTLSSpec(remove: true)
        }
    }

    /// The database a run of `operation` starts from.
    static func startingDatabase(for operation: TLSOperation, replicas: Int32 = 1) -> Memcached {
        database(replicas: replicas, issuer: operation == .addTLS ? nil : "memcached-ca-issuer")
    }

    /// A database at rest, with both issuers ready.
    static func startingState(for operation: TLSOperation, replicas: Int32 = 1) -> ObservedState {
        ObservedState.settled(
            database: startingDatabase(for: operation, replicas: replicas),
            issuers: [
                ObservedIssuer(name: "memcached-ca-issuer", ready: true),
                ObservedIssuer(name: "my-new-issuer", ready: true),
            ])
    }
}
