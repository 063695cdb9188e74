import Testing

@testable import MemcachedOps

/// The four runs of KubeDB's documentation on `memcd-quickstart` (one replica), under the
/// `restart` strategy, write exactly the condition lists of the `describe-*.txt` samples.
@Suite("KubeDB's documented runs")
struct KubeDBRunTests {
    /// One documented run: the operation, the request's name, and the condition types of
    /// `kubectl describe`, in list order.
    struct Run: Sendable, CustomTestStringConvertible {
        let operation: TLSOperation
        let request: String
        let expected: [String]
        var testDescription: String { "\(operation.rawValue) (\(request))" }
    }

    static let runs: [Run] = [
        Run(
            operation: .addTLS, request: "mc-add-tls",
            expected: [
                "ReconfigureTLS", "CertificateSynced", "GetCertificate", "CheckReadyCondition",
                "CheckIssuingCondition", "RestartPods", "EvictPod--memcd-quickstart-0",
                "IsPodReady", "IsPodReady--memcd-quickstart-0", "Successful",
            ]),
        Run(
            operation: .rotateCertificates, request: "mc-ops-rotate",
            expected: [
                "ReconfigureTLS", "IssueCertificatesSucceeded", "CertificateSynced",
                "GetCertificate", "CheckReadyCondition", "CheckIssuingCondition", "RestartPods",
                "EvictPod--memcd-quickstart-0", "IsPodReady", "IsPodReady--memcd-quickstart-0",
                "Successful",
            ]),
        Run(
            operation: .changeIssuer, request: "mc-change-issuer",
            expected: [
                "ReconfigureTLS", "CertificateSynced", "GetCertificate", "CheckReadyCondition",
                "CheckIssuingCondition", "RestartPods", "EvictPod--memcd-quickstart-0",
                "IsPodReady", "IsPodReady--memcd-quickstart-0", "Successful",
            ]),
        Run(
            operation: .removeTLS, request: "mc-ops-tls-remove",
            expected: [
                "ReconfigureTLS", "RestartPods", "EvictPod--memcd-quickstart-0", "IsPodReady",
                "IsPodReady--memcd-quickstart-0", "Successful",
            ]),
    ]

    /// The messages and statuses KubeDB writes, by condition type.
    static let messages: [String: (ConditionStatus, String)] = [
        "ReconfigureTLS": (.true, "Memcached ops request is reconfiguring TLS"),
        "IssueCertificatesSucceeded": (
            .true, "successfully add issuing condition to all the certificates"
        ),
        "CertificateSynced": (.true, "Successfully synced all certificates"),
        "GetCertificate": (.true, "get certificate; ConditionStatus:True"),
        "CheckReadyCondition": (.true, "check ready condition; ConditionStatus:True"),
        "CheckIssuingCondition": (.true, "check issuing condition; ConditionStatus:True"),
        "RestartPods": (.true, "Successfully restarted pods"),
        "EvictPod--memcd-quickstart-0": (
            .true, "evict pod; ConditionStatus:True; PodName:memcd-quickstart-0"
        ),
        "IsPodReady": (.false, "is pod ready; ConditionStatus:False"),
        "IsPodReady--memcd-quickstart-0": (
            .true, "is pod ready; ConditionStatus:True; PodName:memcd-quickstart-0"
        ),
        "Successful": (.true, "Successfully reconfigured TLS"),
    ]

    /// Runs a request to its end on the simulation, without faults.
    static func run(_ run: Run, strategy: ReloadStrategy = .restart) -> ClusterSimulation {
        var simulation = ClusterSimulation(
            state: PlannerFixtures.startingState(for: run.operation),
            request: PlannerFixtures.request(
                run.request, tls: PlannerFixtures.tls(for: run.operation)),
            options: PlanOptions(strategy: strategy))
        var random = SplitMix64(seed: 1)
        for _ in 0..<100 {
            let plan = simulation.plan()
            guard simulation.turn(plan, random: &random) != nil else { break }
            simulation.advance()
        }
        return simulation
    }

    @Test("a run writes KubeDB's condition types in KubeDB's order", arguments: runs)
    func conditionOrder(_ run: Run) {
        let simulation = Self.run(run)
        let conditions = simulation.request.status?.conditions ?? []
        #expect(conditions.map(\.type) == run.expected)
        #expect(simulation.request.status?.phase == .successful)
        #expect(simulation.request.status?.observedGeneration == 1)
    }

    @Test("a run writes KubeDB's statuses and messages", arguments: runs)
    func conditionMessages(_ run: Run) {
        let simulation = Self.run(run)
        for condition in simulation.request.status?.conditions ?? [] {
            let expected = Self.messages[condition.type]
            #expect(expected?.0 == condition.status, "\(condition.type)")
            #expect(expected?.1 == condition.message, "\(condition.type)")
        }
    }

    @Test("a run ends with the database resumed and planning nothing", arguments: runs)
    func endState(_ run: Run) {
        let simulation = Self.run(run)
        #expect(!simulation.state.isDatabasePaused)
        let plan = simulation.plan()
        #expect(plan.isFinished)
        #expect(plan.steps.isEmpty)
        #expect(
            plan.operation == run.operation || run.operation == .addTLS
                || run.operation == .changeIssuer)
    }

    @Test("the plan at the start lists KubeDB's steps", arguments: runs)
    func firstPlan(_ run: Run) {
        let state = PlannerFixtures.startingState(for: run.operation)
        let request = PlannerFixtures.request(
            run.request, tls: PlannerFixtures.tls(for: run.operation))
        let plan = TLSPlanner.plan(
            request: request, state: state, options: PlanOptions(strategy: .restart),
            now: PlannerFixtures.start)
        #expect(plan.operation == run.operation)
        #expect(plan.disposition == .proceed)
        let pod = "memcd-quickstart-0"
        let database = "memcd-quickstart"
        var expected: [String] = ["pauseDatabase \(database)"]
        switch run.operation {
        case .addTLS, .changeIssuer:
            expected += [
                "applyCertificate memcd-quickstart-client-cert",
                "applyCertificate memcd-quickstart-server-cert",
                "applyCertificate memcd-quickstart-metrics-exporter-cert",
                "waitForCertificates \(database)",
            ]
        case .rotateCertificates:
            expected += ["reissueCertificates \(database)", "waitForCertificates \(database)"]
        default:
            break
        }
        expected += ["evictPod \(pod)", "waitForPodReady \(pod)", "finishRestarts \(database)"]
        // The fixture's spec.tls is not defaulted, so even a rotation writes it back
        // defaulted, with the server names the planner adds.
        expected.append("updateDatabase \(database)")
        if run.operation == .removeTLS {
            expected += [
                "deleteCertificate memcd-quickstart-client-cert",
                "deleteCertificate memcd-quickstart-server-cert",
                "deleteCertificate memcd-quickstart-metrics-exporter-cert",
            ]
        }
        expected += ["markSuccessful \(database)", "resumeDatabase \(database)"]
        #expect(plan.steps.map { "\($0.action) \($0.target)" } == expected)
    }
}
