import MemcachedOps
import MemcachedOpsRuntime
import Testing

/// A team's policy tests, run on the in-memory cluster: the scenario of
/// `Examples/PolicyOnCluster`, stated as tests. The policy is copied here, as a team would
/// keep it in a module its tests import.
@Suite("A team's policy test on the in-memory cluster")
struct TeamPolicyOnClusterTests {
    /// The platform team's rules in production: TLS stays on, and certificate work that
    /// keeps TLS on never restarts a pod.
    struct ProductionTLSPolicy: PlanPolicy {
        let name = "production-tls"

        func violations(in context: PolicyContext) -> [PolicyViolation] {
            let plan = context.plan
            guard plan.namespace == "prod" else { return [] }
            var found: [PolicyViolation] = []
            if plan.operation == .removeTLS {
                found.append(violation("TLS stays on in \(plan.namespace)"))
            }
            if plan.operation?.switchesTLS == false,
                let restart = plan.steps.first(where: { $0.action == .evictPod })
            {
                found.append(violation("\(restart.target) would restart and lose its cache"))
            }
            return found
        }
    }

    static let corporateCA = TypedLocalObjectReference(
        apiGroup: "cert-manager.io", kind: "ClusterIssuer", name: "corporate-ca")

    static func cluster(namespace: String) -> InMemoryCluster {
        let database = Memcached(
            metadata: ObjectMeta(name: "sessions", namespace: namespace),
            spec: MemcachedSpec(
                version: "1.6.40", replicas: 3, tls: TLSConfig(issuerRef: corporateCA)))
        return InMemoryCluster(
            database: database,
            issuers: [ObservedIssuer(kind: "ClusterIssuer", name: "corporate-ca", ready: true)])
    }

    static func run(
        _ tls: ReconfigureTLSSpec, strategy: ReloadStrategy, namespace: String = "prod"
    ) async throws -> (ReconcileOutcome, InMemoryCluster) {
        let cluster = cluster(namespace: namespace)
        let request = await cluster.submit(
            MemcachedOpsRequest(
                metadata: ObjectMeta(name: "sessions-tls", namespace: namespace),
                spec: MemcachedOpsRequestSpec(
                    databaseRef: LocalObjectReference(name: "sessions"), type: .reconfigureTLS,
                    tls: tls, timeout: GoDuration("10m"))))
        let outcome = try await cluster.boundedReconciler(
            options: PlanOptions(strategy: strategy, policies: [ProductionTLSPolicy()])
        ).run(request)
        return (outcome, cluster)
    }

    @Test("rotating certificates in prod reloads every pod and loses no cached key")
    func rotationKeepsCache() async throws {
        let (outcome, cluster) = try await Self.run(
            ReconfigureTLSSpec(rotateCertificates: true), strategy: .automatic)
        #expect(outcome.isSuccessful)
        let history = await cluster.history
        #expect(history.restartedPods.isEmpty)
        #expect(history.reloadedPods == ["sessions-0", "sessions-1", "sessions-2"])
        #expect(history.keysLost == 0)
        #expect(history.maximumUnavailablePods == 0)
        #expect(await !cluster.isDatabasePaused)
    }

    @Test("a rotation that would restart pods in prod fails before touching one")
    func restartRefused() async throws {
        let (outcome, cluster) = try await Self.run(
            ReconfigureTLSSpec(rotateCertificates: true), strategy: .restart)
        #expect(outcome.status?.phase == .failed)
        guard case .failed(let message) = outcome.ending else {
            Issue.record("the request did not fail: \(outcome.ending)")
            return
        }
        #expect(message.contains("production-tls: sessions-0 would restart and lose its cache"))
        #expect(await cluster.history.restartedPods.isEmpty)
        #expect(await cluster.pods.allSatisfy { $0.keptCache })
        #expect(await !cluster.isDatabasePaused)
    }

    @Test("TLS is never removed in prod, and may be in staging")
    func removal() async throws {
        let (prod, prodCluster) = try await Self.run(
            ReconfigureTLSSpec(remove: true), strategy: .automatic)
        #expect(prod.status?.phase == .failed)
        #expect(await prodCluster.pods.allSatisfy { $0.servesTLS })

        let (staging, stagingCluster) = try await Self.run(
            ReconfigureTLSSpec(remove: true), strategy: .automatic, namespace: "staging")
        #expect(staging.isSuccessful)
        #expect(await stagingCluster.pods.allSatisfy { !$0.servesTLS })
    }
}
