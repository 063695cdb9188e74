import Testing

@testable import MemcachedOps

@Suite("Recognising the operation")
struct OperationRecognitionTests {
    typealias Fixtures = PlannerFixtures

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let tls: ReconfigureTLSSpec?
        let databaseHasTLS: Bool
        let expected: Result<TLSOperation, Refusal>
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "remove on a database with TLS", tls: ReconfigureTLSSpec(remove: true),
            databaseHasTLS: true, expected: .success(.removeTLS)),
        Case(
            name: "rotate on a database with TLS",
            tls: ReconfigureTLSSpec(rotateCertificates: true), databaseHasTLS: true,
            expected: .success(.rotateCertificates)),
        Case(
            name: "an issuer for a database without TLS",
            tls: ReconfigureTLSSpec(issuerRef: Fixtures.issuerRef("memcached-ca-issuer")),
            databaseHasTLS: false, expected: .success(.addTLS)),
        Case(
            name: "a different issuer",
            tls: ReconfigureTLSSpec(issuerRef: Fixtures.issuerRef("other")),
            databaseHasTLS: true, expected: .success(.changeIssuer)),
        Case(
            name: "the same issuer of another kind",
            tls: ReconfigureTLSSpec(
                issuerRef: Fixtures.issuerRef("memcached-ca-issuer", kind: "ClusterIssuer")),
            databaseHasTLS: true, expected: .success(.changeIssuer)),
        Case(
            name: "the same issuer with certificates",
            tls: ReconfigureTLSSpec(
                issuerRef: Fixtures.issuerRef("memcached-ca-issuer"),
                certificates: [CertificateSpec(alias: "server", dnsNames: ["a.example"])]),
            databaseHasTLS: true, expected: .success(.updateCertificates)),
        Case(
            name: "certificates alone", tls: ReconfigureTLSSpec(certificates: []),
            databaseHasTLS: true, expected: .success(.updateCertificates)),
        Case(
            name: "rotate without TLS", tls: ReconfigureTLSSpec(rotateCertificates: true),
            databaseHasTLS: false,
            expected: .failure(.rotateWithoutTLS(database: "memcd-quickstart"))),
        Case(
            name: "remove without TLS", tls: ReconfigureTLSSpec(remove: true),
            databaseHasTLS: false,
            expected: .failure(.removeWithoutTLS(database: "memcd-quickstart"))),
        Case(
            name: "certificates without an issuer on a database without TLS",
            tls: ReconfigureTLSSpec(certificates: [CertificateSpec(alias: "client")]),
            databaseHasTLS: false, expected: .failure(.issuerRequired)),
        Case(
            name: "nothing asked", tls: ReconfigureTLSSpec(), databaseHasTLS: true,
            expected: .failure(.noOperation)),
        Case(
            name: "remove and rotate at once",
            tls: ReconfigureTLSSpec(rotateCertificates: true, remove: true), databaseHasTLS: true,
            expected: .failure(.multipleOperations)),
        Case(
            name: "remove false and rotate true",
            tls: ReconfigureTLSSpec(rotateCertificates: true, remove: false),
            databaseHasTLS: true, expected: .success(.rotateCertificates)),
        Case(
            name: "no tls section", tls: nil, databaseHasTLS: true,
            expected: .failure(.missingTLSSection)),
    ]

    @Test("the operation follows KubeDB's rules", arguments: cases)
    func recognition(_ testCase: Case) {
        var request = Fixtures.request("r", tls: testCase.tls ?? ReconfigureTLSSpec())
        request.spec.tls = testCase.tls
        let database = Fixtures.database(
            issuer: testCase.databaseHasTLS ? "memcached-ca-issuer" : nil)
        #expect(TLSPlanner.operation(of: request, database: database) == testCase.expected)
    }

    @Test("a request of another type is refused")
    func otherType() {
        var request = Fixtures.request("r", tls: ReconfigureTLSSpec(remove: true))
        request.spec.type = .horizontalScaling
        let result = TLSPlanner.operation(of: request, database: Fixtures.database(issuer: "ca"))
        #expect(result == .failure(.notReconfigureTLS(type: "HorizontalScaling")))
    }

    @Test("a request for another database is refused")
    func otherDatabase() {
        let request = Fixtures.request(
            "r", tls: ReconfigureTLSSpec(remove: true), database: "other")
        let result = TLSPlanner.operation(of: request, database: Fixtures.database(issuer: "ca"))
        #expect(
            result == .failure(.wrongDatabase(requested: "other", observed: "memcd-quickstart")))
    }

    @Test("a started removal is not refused once spec.tls is gone")
    func startedRemoval() {
        let request = Fixtures.request("r", tls: ReconfigureTLSSpec(remove: true))
        let result = TLSPlanner.operation(
            of: request, database: Fixtures.database(), started: true)
        #expect(result == .success(.removeTLS))
    }

    @Test("a refused request plans no steps and says why")
    func refusedPlan() {
        let request = Fixtures.request("r", tls: ReconfigureTLSSpec(rotateCertificates: true))
        let plan = TLSPlanner.plan(
            request: request, state: .settled(database: Fixtures.database()),
            now: Fixtures.start)
        #expect(plan.steps.isEmpty)
        #expect(plan.disposition == .refused(.rotateWithoutTLS(database: "memcd-quickstart")))
        #expect(plan.disposition.message?.contains("has no TLS") == true)
    }
}
