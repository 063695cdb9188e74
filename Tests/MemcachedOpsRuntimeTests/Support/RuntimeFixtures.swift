import MemcachedOps
import MemcachedOpsRuntime
import Synchronization

/// Databases, requests and clusters for the runtime's tests, modelled on KubeDB's
/// documentation (`memcd-quickstart` in namespace `demo`).
enum RuntimeFixtures {
    static let namespace = "demo"
    static let databaseName = "memcd-quickstart"
    static let issuer = "memcached-ca-issuer"
    static let newIssuer = "my-new-issuer"

    /// Both issuers of KubeDB's documentation, ready.
    static let issuers = [
        ObservedIssuer(name: issuer, ready: true), ObservedIssuer(name: newIssuer, ready: true),
    ]

    /// The latencies of most tests: a restart takes 15 s, issuing 10 s.
    static let latencies = SimulatedLatencies(
        podRestart: .seconds(15), certificateIssue: .seconds(10))

    static func issuerRef(_ name: String) -> TypedLocalObjectReference {
        TypedLocalObjectReference(apiGroup: "cert-manager.io", kind: "Issuer", name: name)
    }

    /// A database, with TLS from `issuer` when given.
    static func database(
        replicas: Int32 = 1, issuer: String? = nil, namespace: String = namespace
    ) -> Memcached {
        let tls = issuer.map { issuer in
            TLSConfig(
                issuerRef: issuerRef(issuer),
                certificates: [
                    CertificateSpec(alias: "client", ipAddresses: ["127.0.0.1", "192.168.0.252"])
                ])
        }
        return Memcached(
            metadata: ObjectMeta(name: databaseName, namespace: namespace, generation: 1),
            spec: MemcachedSpec(version: "1.6.40", replicas: replicas, tls: tls),
            status: MemcachedStatus(
                phase: .ready, conditions: [Condition(type: "Ready", status: .true)]))
    }

    /// The request for `operation`, as in KubeDB's documentation.
    static func tls(for operation: TLSOperation) -> ReconfigureTLSSpec {
        switch operation {
        case .addTLS:
            return ReconfigureTLSSpec(
                issuerRef: issuerRef(issuer),
                certificates: [
                    CertificateSpec(
                        alias: "client",
                        subject: X509Subject(
                            organizations: ["memcached"], organizationalUnits: ["client"]))
                ])
        case .rotateCertificates:
            return ReconfigureTLSSpec(rotateCertificates: true)
        case .changeIssuer:
            return ReconfigureTLSSpec(issuerRef: issuerRef(newIssuer))
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

    /// A `ReconfigureTLS` request on `memcd-quickstart`.
    static func request(
        _ operation: TLSOperation, name: String? = nil, namespace: String = namespace,
        timeout: GoDuration? = nil, maxRetries: Int32? = nil
    ) -> MemcachedOpsRequest {
        MemcachedOpsRequest(
            metadata: ObjectMeta(
                name: name ?? "mc-\(operation.rawValue.lowercased())", namespace: namespace,
                generation: 1),
            spec: MemcachedOpsRequestSpec(
                databaseRef: LocalObjectReference(name: databaseName), type: .reconfigureTLS,
                tls: tls(for: operation), timeout: timeout, maxRetries: maxRetries))
    }

    /// A cluster at rest for `operation`: without TLS for adding it, with TLS otherwise.
    static func cluster(
        for operation: TLSOperation, replicas: Int32 = 1, namespace: String = namespace,
        latencies: SimulatedLatencies = latencies, faults: [InjectedFault] = []
    ) -> InMemoryCluster {
        InMemoryCluster(
            database: database(
                replicas: replicas, issuer: operation == .addTLS ? nil : issuer,
                namespace: namespace),
            issuers: issuers, latencies: latencies, faults: faults)
    }

    /// The condition types KubeDB writes for a successful run under `restart`.
    static func kubeDBConditions(for operation: TLSOperation, replicas: Int) -> [String] {
        var types = ["ReconfigureTLS"]
        if operation == .rotateCertificates { types.append("IssueCertificatesSucceeded") }
        if operation != .removeTLS {
            types += [
                "CertificateSynced", "GetCertificate", "CheckReadyCondition",
                "CheckIssuingCondition",
            ]
        }
        types.append("RestartPods")
        for ordinal in 0..<replicas {
            let pod = "\(databaseName)-\(ordinal)"
            types.append("EvictPod--\(pod)")
            if ordinal == 0 { types.append("IsPodReady") }
            types.append("IsPodReady--\(pod)")
        }
        types.append("Successful")
        return types
    }
}

/// Collects values from `@Sendable` closures, such as reconciler events and log records.
final class Collector<Value: Sendable>: Sendable {
    private let values = Mutex<[Value]>([])

    func append(_ value: Value) {
        values.withLock { $0.append(value) }
    }

    var all: [Value] { values.withLock { $0 } }
}
