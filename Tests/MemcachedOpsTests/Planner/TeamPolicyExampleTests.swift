import Testing

@testable import MemcachedOps

/// What a team's own policy tests look like: rules stated as tests against the planner and
/// a simulated cluster, with no cluster and no network. `Examples/TeamPolicy` shows the
/// same policy checked from a small program.
@Suite("A team's policy tests")
struct TeamPolicyExampleTests {
    typealias Fixtures = PlannerFixtures

    /// The team's rule: in `prod`, certificate work that keeps TLS on never restarts a pod.
    struct NoRestartsInProduction: PlanPolicy {
        let name = "no-restarts-in-production"

        func violations(in context: PolicyContext) -> [PolicyViolation] {
            guard context.plan.namespace == "prod", context.plan.operation?.switchesTLS == false,
                let restart = context.plan.steps.first(where: { $0.action == .evictPod })
            else { return [] }
            return [violation("\(restart.target) would restart")]
        }
    }

    @Test("rotating certificates never restarts two pods at once", arguments: [1, 3, 7])
    func oneRestartAtATime(_ replicas: Int32) {
        var simulation = ClusterSimulation(
            state: Fixtures.startingState(for: .rotateCertificates, replicas: replicas),
            request: Fixtures.request("rotate", tls: Fixtures.tls(for: .rotateCertificates)),
            options: PlanOptions(strategy: .restart))
        var random = SplitMix64(seed: 42)
        var restarts = 0
        for _ in 0..<200 {
            let plan = simulation.plan()
            guard let step = plan.nextStep else { break }
            if step.action == .evictPod { restarts += 1 }
            simulation.turn(plan, random: &random)
            #expect(simulation.state.pods.filter { !$0.ready }.count <= 1)
            simulation.advance(controllers: random.chance(0.5))
        }
        #expect(restarts == Int(replicas))
        #expect(simulation.request.status?.phase == .successful)
    }

    @Test("TLS is never removed in namespace prod")
    func noRemovalInProd() {
        for namespace in ["prod", "staging"] {
            var state = Fixtures.startingState(for: .removeTLS, replicas: 3)
            state.database.metadata.namespace = namespace
            let plan = TLSPlanner.plan(
                request: Fixtures.request(
                    "remove", tls: Fixtures.tls(for: .removeTLS), namespace: namespace),
                state: state,
                options: PlanOptions(policies: [TLSRemovalForbidden(namespaces: ["prod"])]),
                now: Fixtures.start)
            if namespace == "prod" {
                #expect(plan.nextStep == nil)
                #expect(plan.disposition.code == "policy")
            } else {
                #expect(plan.nextStep?.action == .pauseDatabase)
            }
        }
    }

    @Test("certificate work in prod reloads pods; a restart plan is blocked")
    func reloadInProd() {
        var state = Fixtures.startingState(for: .changeIssuer, replicas: 3)
        state.database.metadata.namespace = "prod"
        let request = Fixtures.request(
            "new-ca", tls: Fixtures.tls(for: .changeIssuer), namespace: "prod")
        let policies: [any PlanPolicy] = [NoRestartsInProduction()]
        let automatic = TLSPlanner.plan(
            request: request, state: state, options: PlanOptions(policies: policies),
            now: Fixtures.start)
        #expect(automatic.disposition == .proceed)
        #expect(!automatic.steps.contains { $0.action == .evictPod })
        let restart = TLSPlanner.plan(
            request: request, state: state,
            options: PlanOptions(strategy: .restart, policies: policies), now: Fixtures.start)
        #expect(
            restart.disposition
                == .blocked(
                    .policy([
                        PolicyViolation(
                            policy: "no-restarts-in-production",
                            message: "memcd-quickstart-0 would restart")
                    ])))
    }
}
