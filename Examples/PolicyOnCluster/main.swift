// A team's TLS policy, checked while requests run on the in-memory cluster.
//
// Build and run it with `swift run PolicyOnClusterExample`. It needs no cluster and no
// network: the reconciler drives each request on an `InMemoryCluster`, in simulated time,
// and the team's policy is checked before every step. The same scenario is a test in
// `Tests/MemcachedOpsRuntimeTests/TeamPolicyOnClusterTests.swift`.

import MemcachedOps
import MemcachedOpsRuntime

/// The platform team's rules for TLS work on memcached in production:
///
/// - TLS is never removed;
/// - certificate work that keeps TLS on reloads pods instead of restarting them, so that
///   no cached key is lost.
struct ProductionTLSPolicy: PlanPolicy {
    let name = "production-tls"
    let productionNamespaces: Set<String> = ["prod"]

    func violations(in context: PolicyContext) -> [PolicyViolation] {
        let plan = context.plan
        guard productionNamespaces.contains(plan.namespace) else { return [] }
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

let corporateCA = TypedLocalObjectReference(
    apiGroup: "cert-manager.io", kind: "ClusterIssuer", name: "corporate-ca")

/// A fresh three-pod `sessions` database in `prod`, with TLS from the corporate CA.
func productionCluster() -> InMemoryCluster {
    let database = Memcached(
        metadata: ObjectMeta(name: "sessions", namespace: "prod"),
        spec: MemcachedSpec(
            version: "1.6.40", replicas: 3, tls: TLSConfig(issuerRef: corporateCA)))
    return InMemoryCluster(
        database: database,
        issuers: [ObservedIssuer(kind: "ClusterIssuer", name: "corporate-ca", ready: true)])
}

/// A `ReconfigureTLS` request on `sessions`, allowed ten minutes per step.
func request(_ name: String, _ tls: ReconfigureTLSSpec) -> MemcachedOpsRequest {
    MemcachedOpsRequest(
        metadata: ObjectMeta(name: name, namespace: "prod"),
        spec: MemcachedOpsRequestSpec(
            databaseRef: LocalObjectReference(name: "sessions"), type: .reconfigureTLS, tls: tls,
            timeout: GoDuration("10m")))
}

let scenarios: [(title: String, request: MemcachedOpsRequest, strategy: ReloadStrategy)] = [
    (
        "rotate, automatic", request("rotate", ReconfigureTLSSpec(rotateCertificates: true)),
        .automatic
    ),
    ("rotate, restart", request("rotate", ReconfigureTLSSpec(rotateCertificates: true)), .restart),
    ("remove TLS", request("remove", ReconfigureTLSSpec(remove: true)), .automatic),
]

for scenario in scenarios {
    let cluster = productionCluster()
    let submitted = await cluster.submit(scenario.request)
    let reconciler = cluster.reconciler(
        options: PlanOptions(strategy: scenario.strategy, policies: [ProductionTLSPolicy()]))

    print("== \(scenario.title)")
    let outcome = try await reconciler.run(submitted) { event in
        switch event {
        case .stepFinished(let step, .completed):
            print("   done     \(step.condition)")
        case .blocked(let reason):
            print("   blocked  \(reason.message)")
        default:
            break
        }
    }

    let history = await cluster.history
    let verdict: String
    switch outcome.ending {
    case .successful: verdict = "Successful"
    case .failed(let message): verdict = "Failed: \(message)"
    case .refused(let refusal): verdict = "Refused: \(refusal.message)"
    case .interrupted: verdict = "Interrupted"
    }
    print("   \(verdict)")
    print(
        "   restarts \(history.restartedPods.count), reloads \(history.reloadedPods.count), "
            + "keys lost \(history.keysLost), most pods down \(history.maximumUnavailablePods), "
            + "database paused: \(await cluster.isDatabasePaused)")
}
