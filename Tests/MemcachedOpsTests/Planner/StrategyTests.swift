import Testing

@testable import MemcachedOps

@Suite("Reload strategies")
struct StrategyTests {
    typealias Fixtures = PlannerFixtures

    static func plan(
        _ operation: TLSOperation, _ strategy: ReloadStrategy, replicas: Int32 = 2
    ) -> Plan {
        TLSPlanner.plan(
            request: Fixtures.request("r", tls: Fixtures.tls(for: operation)),
            state: Fixtures.startingState(for: operation, replicas: replicas),
            options: PlanOptions(strategy: strategy), now: Fixtures.start)
    }

    static func podSteps(_ plan: Plan) -> [String] {
        plan.steps.filter {
            $0.action.isPodAction || $0.action == .finishReloads
                || $0.action == .finishRestarts
        }.map(\.condition)
    }

    @Test(
        "automatic reloads where TLS stays on",
        arguments: [
            TLSOperation.rotateCertificates, .changeIssuer, .updateCertificates,
        ])
    func automaticReloads(_ operation: TLSOperation) {
        #expect(
            Self.podSteps(Self.plan(operation, .automatic)) == [
                "ReloadTLS--memcd-quickstart-0", "VerifyTLS--memcd-quickstart-0",
                "ReloadTLS--memcd-quickstart-1", "VerifyTLS--memcd-quickstart-1", "ReloadPods",
            ])
    }

    @Test(
        "automatic restarts where TLS is switched on or off",
        arguments: [
            TLSOperation.addTLS, .removeTLS,
        ])
    func automaticRestarts(_ operation: TLSOperation) {
        #expect(
            Self.podSteps(Self.plan(operation, .automatic)) == [
                "EvictPod--memcd-quickstart-0", "IsPodReady--memcd-quickstart-0",
                "EvictPod--memcd-quickstart-1", "IsPodReady--memcd-quickstart-1", "RestartPods",
            ])
    }

    @Test("reload cannot add or remove TLS", arguments: [TLSOperation.addTLS, .removeTLS])
    func reloadRefused(_ operation: TLSOperation) {
        let plan = Self.plan(operation, .reload)
        #expect(plan.disposition == .refused(.strategyCannotSwitchTLS(operation)))
        #expect(plan.steps.isEmpty)
    }

    @Test("restart evicts every pod, as KubeDB does", arguments: TLSOperation.allCases)
    func restart(_ operation: TLSOperation) {
        #expect(Self.podSteps(Self.plan(operation, .restart)).count == 5)
        #expect(!Self.plan(operation, .restart).steps.contains { $0.action == .reloadPod })
    }

    @Test("under automatic, a pod that is down restarts while the others reload")
    func mixed() {
        var state = Fixtures.startingState(for: .rotateCertificates, replicas: 3)
        state.pods[1].ready = false
        let plan = TLSPlanner.plan(
            request: Fixtures.request("r", tls: Fixtures.tls(for: .rotateCertificates)),
            state: state, now: Fixtures.start)
        #expect(
            Self.podSteps(plan) == [
                "EvictPod--memcd-quickstart-1", "IsPodReady--memcd-quickstart-1",
                "ReloadTLS--memcd-quickstart-0", "VerifyTLS--memcd-quickstart-0",
                "ReloadTLS--memcd-quickstart-2", "VerifyTLS--memcd-quickstart-2", "RestartPods",
                "ReloadPods",
            ])
    }

    @Test("a live-reload run writes ReloadTLS and VerifyTLS conditions per pod")
    func reloadConditions() {
        let run = KubeDBRunTests.runs[1]
        let simulation = KubeDBRunTests.run(run, strategy: .reload)
        #expect(
            simulation.request.status?.conditions?.map(\.type) == [
                "ReconfigureTLS", "IssueCertificatesSucceeded", "CertificateSynced",
                "GetCertificate", "CheckReadyCondition", "CheckIssuingCondition", "ReloadPods",
                "ReloadTLS--memcd-quickstart-0", "VerifyTLS--memcd-quickstart-0", "Successful",
            ])
        #expect(simulation.request.status?.phase == .successful)
        #expect(simulation.restarting.isEmpty)
    }
}
