import Testing

@testable import MemcachedOps

@Suite("Policies")
struct PolicyTests {
    typealias Fixtures = PlannerFixtures

    static func plan(
        _ operation: TLSOperation, strategy: ReloadStrategy = .restart,
        policies: [any PlanPolicy], state: ObservedState? = nil, namespace: String = "demo"
    ) -> Plan {
        var state = state ?? Fixtures.startingState(for: operation, replicas: 3)
        state.database.metadata.namespace = namespace
        return TLSPlanner.plan(
            request: Fixtures.request(
                "r", tls: Fixtures.tls(for: operation), namespace: namespace),
            state: state, options: PlanOptions(strategy: strategy, policies: policies),
            now: Fixtures.start)
    }

    static func violations(_ plan: Plan) -> [String] {
        guard case .blocked(.policy(let violations)) = plan.disposition else { return [] }
        return violations.map(\.description)
    }

    @Test("TLS may not be removed in a protected namespace")
    func removal() {
        let policy = TLSRemovalForbidden(namespaces: ["prod"])
        #expect(
            Self.violations(Self.plan(.removeTLS, policies: [policy], namespace: "prod")) == [
                "tls-removal-forbidden: TLS may not be removed from databases in namespace prod"
            ])
        #expect(Self.plan(.removeTLS, policies: [policy]).disposition == .proceed)
        #expect(
            Self.plan(.rotateCertificates, policies: [policy], namespace: "prod").disposition
                == .proceed)
    }

    @Test("no pod may be unavailable: restarts are blocked, reloads pass")
    func noUnavailablePods() {
        let policy = MaximumUnavailablePods(0)
        #expect(
            Self.violations(Self.plan(.rotateCertificates, policies: [policy])).first?.hasPrefix(
                "maximum-unavailable-pods: the plan restarts memcd-quickstart-0") == true)
        #expect(
            Self.plan(.rotateCertificates, strategy: .reload, policies: [policy]).disposition
                == .proceed)
    }

    @Test("at most one pod unavailable counts pods already down")
    func onePodUnavailable() {
        var simulation = DispositionTests.simulation(.rotateCertificates)
        simulation.options.policies = [MaximumUnavailablePods(1)]
        DispositionTests.advance(&simulation, until: .evictPod)
        #expect(simulation.plan().disposition == .proceed)
    }

    @Test("a certificate shorter than the minimum is refused")
    func duration() {
        let policy = MinimumCertificateDuration(GoDuration("3000h") ?? GoDuration(seconds: 0))
        let found = Self.violations(Self.plan(.updateCertificates, policies: [policy]))
        // client and metrics-exporter get cert-manager's 90 days; server asks for 4320h.
        #expect(
            found == [
                "minimum-certificate-duration: certificate client would be valid for 2160h0m0s, "
                    + "less than 3000h0m0s",
                "minimum-certificate-duration: certificate metrics-exporter would be valid for "
                    + "2160h0m0s, less than 3000h0m0s",
            ])
    }

    @Test(
        "only allowed issuers may issue",
        arguments: [
            (["memcached-ca-issuer"], true), (["Issuer/memcached-ca-issuer"], true),
            (["ClusterIssuer/memcached-ca-issuer"], false), (["other"], false),
        ])
    func issuers(_ allowed: [String], _ passes: Bool) {
        let plan = Self.plan(.rotateCertificates, policies: [AllowedIssuers(allowed)])
        #expect((plan.disposition == .proceed) == passes)
    }

    @Test("policies never block winding down a failed request")
    func windDown() {
        var simulation = DispositionTests.simulation(.removeTLS, timeout: GoDuration("1m"))
        simulation.faults.podNeverReady = "memcd-quickstart-0"
        DispositionTests.advance(&simulation, until: .waitForPodReady)
        simulation.options.policies = [TLSRemovalForbidden(namespaces: ["demo"])]
        simulation.advance(seconds: 600)
        let plan = simulation.plan()
        #expect(plan.nextStep?.action == .resumeDatabase)
    }
}
