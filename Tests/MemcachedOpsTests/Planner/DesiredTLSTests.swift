import Testing

@testable import MemcachedOps

@Suite("The desired TLS configuration")
struct DesiredTLSTests {
    typealias Fixtures = PlannerFixtures

    static func desired(_ operation: TLSOperation, database: Memcached) -> TLSConfig? {
        TLSPlanner.desiredTLS(
            for: operation, database: database, request: Fixtures.tls(for: operation))
    }

    @Test("adding TLS gives the three certificates with KubeDB's secret names")
    func addDefaults() throws {
        let tls = try #require(Self.desired(.addTLS, database: Fixtures.database()))
        #expect(tls.issuerRef?.name == "memcached-ca-issuer")
        #expect(tls.certificates?.map(\.alias) == ["client", "server", "metrics-exporter"])
        #expect(
            tls.certificates?.map(\.secretName) == [
                "memcd-quickstart-client-cert", "memcd-quickstart-server-cert",
                "memcd-quickstart-metrics-exporter-cert",
            ])
        #expect(tls.certificate(alias: "client")?.subject?.organizations == ["memcached"])
    }

    @Test("the server certificate covers the service names, localhost and 127.0.0.1")
    func serverNames() throws {
        let tls = try #require(Self.desired(.addTLS, database: Fixtures.database()))
        let server = try #require(tls.certificate(alias: "server"))
        #expect(
            server.dnsNames == [
                "memcd-quickstart", "memcd-quickstart.demo", "memcd-quickstart.demo.svc",
                "*.memcd-quickstart-pods.demo.svc", "localhost",
            ])
        #expect(server.ipAddresses == ["127.0.0.1"])
    }

    @Test("a request's lists are unioned and its settings replace the database's")
    func merge() throws {
        var database = Fixtures.database(issuer: "memcached-ca-issuer")
        database.spec.tls?.certificates?.append(
            CertificateSpec(
                alias: "server", duration: GoDuration("2160h"), dnsNames: ["old.example"],
                ipAddresses: ["10.0.0.1"]))
        let tls = try #require(Self.desired(.updateCertificates, database: database))
        let server = try #require(tls.certificate(alias: "server"))
        #expect(server.dnsNames?.prefix(2) == ["old.example", "cache.example.com"])
        #expect(server.ipAddresses == ["10.0.0.1", "127.0.0.1"])
        #expect(server.duration == GoDuration("4320h"))
        #expect(tls.certificate(alias: "client")?.ipAddresses == ["127.0.0.1", "192.168.0.252"])
    }

    @Test("changing the issuer replaces it and keeps the certificates")
    func changeIssuer() throws {
        let database = Fixtures.database(issuer: "memcached-ca-issuer")
        let tls = try #require(Self.desired(.changeIssuer, database: database))
        #expect(tls.issuerRef?.name == "my-new-issuer")
        #expect(tls.certificate(alias: "client")?.ipAddresses == ["127.0.0.1", "192.168.0.252"])
    }

    @Test("removing TLS desires none")
    func remove() {
        #expect(Self.desired(.removeTLS, database: Fixtures.database(issuer: "ca")) == nil)
    }

    @Test("merging into the result again changes nothing", arguments: TLSOperation.allCases)
    func idempotent(_ operation: TLSOperation) throws {
        var database = Fixtures.startingDatabase(for: operation)
        guard let first = Self.desired(operation, database: database) else { return }
        database.spec.tls = first
        let second = try #require(Self.desired(operation, database: database))
        #expect(second == first)
    }

    @Test("the desired configuration has the models' key order whatever the input's")
    func canonicalOrder() throws {
        let json: JSONValue = [
            "certificates": [["secretName": "s", "alias": "server"]],
            "issuerRef": ["name": "ca", "kind": "Issuer"],
        ]
        var database = Fixtures.database()
        database.spec.tls = try TLSConfig(json: json)
        let tls = try #require(Self.desired(.rotateCertificates, database: database))
        #expect(tls.json.objectValue?.keys == ["issuerRef", "certificates"])
        #expect(tls.certificates?.first?.json.objectValue?.keys.first == "alias")
    }
}
