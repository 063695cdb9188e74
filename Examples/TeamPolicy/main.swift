// A team's own TLS policy, checked against the planner's plans.
//
// Build and run it with `swift run TeamPolicyExample`. It needs no cluster: the planner is
// a pure function of the request, what is true now, the options and the time.

import MemcachedOps

/// The platform team's rules for TLS work on memcached:
///
/// - TLS is never removed in `prod`;
/// - in `prod`, certificate work that keeps TLS on reloads pods instead of restarting them,
///   so that no cache is lost;
/// - certificates come from the corporate CA only.
struct PlatformTLSPolicy: PlanPolicy {
    let name = "platform-tls"
    let productionNamespaces: Set<String> = ["prod"]
    let corporateIssuer = "corporate-ca"

    func violations(in context: PolicyContext) -> [PolicyViolation] {
        let plan = context.plan
        var found: [PolicyViolation] = []
        let production = productionNamespaces.contains(plan.namespace)

        if production, plan.operation == .removeTLS {
            found.append(violation("TLS stays on in \(plan.namespace)"))
        }
        if production, plan.operation?.switchesTLS == false,
            let restart = plan.steps.first(where: { $0.action == .evictPod })
        {
            found.append(
                violation(
                    "\(restart.target) would restart; use the reload or automatic strategy"))
        }
        if let issuer = plan.desiredTLS?.issuerRef, issuer.name != corporateIssuer {
            found.append(violation("\(issuer.kind)/\(issuer.name) is not the corporate CA"))
        }
        return found
    }
}

func database(namespace: String) -> Memcached {
    Memcached(
        metadata: ObjectMeta(name: "sessions", namespace: namespace),
        spec: MemcachedSpec(
            version: "1.6.40", replicas: 3,
            tls: TLSConfig(
                issuerRef: TypedLocalObjectReference(
                    apiGroup: "cert-manager.io", kind: "ClusterIssuer", name: "corporate-ca"))))
}

func request(namespace: String, tls: ReconfigureTLSSpec) -> MemcachedOpsRequest {
    MemcachedOpsRequest(
        metadata: ObjectMeta(name: "sessions-tls", namespace: namespace),
        spec: MemcachedOpsRequestSpec(
            databaseRef: LocalObjectReference(name: "sessions"), type: .reconfigureTLS, tls: tls))
}

let now = Timestamp(secondsSinceEpoch: 1_731_668_437)
let checks: [(String, String, ReconfigureTLSSpec, ReloadStrategy)] = [
    ("rotate in prod, automatic", "prod", ReconfigureTLSSpec(rotateCertificates: true), .automatic),
    ("rotate in prod, restart", "prod", ReconfigureTLSSpec(rotateCertificates: true), .restart),
    ("remove in prod", "prod", ReconfigureTLSSpec(remove: true), .automatic),
    ("remove in staging", "staging", ReconfigureTLSSpec(remove: true), .automatic),
]

for (title, namespace, tls, strategy) in checks {
    let plan = TLSPlanner.plan(
        request: request(namespace: namespace, tls: tls),
        state: .settled(database: database(namespace: namespace)),
        options: PlanOptions(strategy: strategy, policies: [PlatformTLSPolicy()]),
        now: now)
    let verdict: String
    switch plan.disposition {
    case .blocked(.policy(let violations)):
        verdict = "blocked: " + violations.map(\.message).joined(separator: "; ")
    default:
        verdict = "\(plan.disposition.name), \(plan.steps.count) steps"
    }
    print("\(title): \(verdict)")
}
