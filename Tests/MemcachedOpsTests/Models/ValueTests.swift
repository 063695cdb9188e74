import MemcachedOps
import Testing

@Suite("Go durations")
struct GoDurationTests {
    @Test(
        "parse to nanoseconds and print canonically",
        arguments: [
            ("2160h0m0s", Int64(2160) * 3_600_000_000_000, "2160h0m0s"),
            ("5m", 300_000_000_000, "5m0s"),
            ("1h30m", 5_400_000_000_000, "1h30m0s"),
            ("1.5h", 5_400_000_000_000, "1h30m0s"),
            ("300ms", 300_000_000, "300ms"),
            ("1.5s", 1_500_000_000, "1.5s"),
            ("2us", 2_000, "2µs"),
            ("1µs", 1_000, "1µs"),
            ("7ns", 7, "7ns"),
            ("0", 0, "0s"),
            ("-1m", -60_000_000_000, "-1m0s"),
            ("1h1m1.001s", 3_661_001_000_000, "1h1m1.001s"),
        ])
    func parse(text: String, nanoseconds: Int64, canonical: String) throws {
        let duration = try #require(GoDuration(text))
        #expect(duration.nanoseconds == nanoseconds)
        #expect(duration.canonical == canonical)
        #expect(duration.description == text)
        #expect(GoDuration(nanoseconds: nanoseconds).text == canonical)
    }

    @Test(
        "reject what Go rejects",
        arguments: [
            "", "5", "h", "1d", "1.h5", "--1s", "1hh", " 1s",
            "99999999999h",
        ])
    func reject(text: String) {
        #expect(GoDuration(text) == nil)
    }

    @Test("compare by length, not by text")
    func equality() {
        #expect(GoDuration("60m") == GoDuration("1h"))
        #expect(GoDuration("59m")! < GoDuration("1h")!)
    }
}

@Suite("RFC 3339 times")
struct TimestampTests {
    @Test(
        "parse and keep their text",
        arguments: [
            ("2024-11-15T11:10:37Z", Int64(1_731_669_037)),
            ("1970-01-01T00:00:00Z", 0),
            ("2024-11-15T12:10:37+01:00", 1_731_669_037),
            ("2024-02-29T00:00:00.5Z", 1_709_164_800),
        ])
    func parse(text: String, seconds: Int64) throws {
        let time = try #require(Timestamp(text))
        #expect(time.secondsSinceEpoch == seconds)
        #expect(time.text == text)
    }

    @Test("computed times print in UTC with whole seconds")
    func format() {
        #expect(Timestamp(secondsSinceEpoch: 1_731_669_037).text == "2024-11-15T11:10:37Z")
        #expect(Timestamp(secondsSinceEpoch: 951_782_400).text == "2000-02-29T00:00:00Z")
        #expect(Timestamp(secondsSinceEpoch: -1).text == "1969-12-31T23:59:59Z")
    }

    @Test(
        "reject malformed times",
        arguments: [
            "2024-11-15", "2024-02-30T00:00:00Z",
            "2024-11-15T25:00:00Z", "2024-11-15 11:10:37Z", "2024-11-15T11:10:37", "x",
        ])
    func reject(text: String) {
        #expect(Timestamp(text) == nil)
    }

    @Test("durations between times")
    func arithmetic() throws {
        let start = try #require(Timestamp("2024-11-15T11:10:37Z"))
        let later = start.adding(GoDuration(seconds: 90))
        #expect(later.text == "2024-11-15T11:12:07Z")
        #expect(later.duration(since: start) == GoDuration("1m30s"))
    }
}

@Suite("Defaulting and conditions")
struct DefaultingTests {
    @Test("reading never defaults; defaulted() fills KubeDB's defaults")
    func memcachedDefaults() throws {
        let database = try Fixtures.memcached("memcached.yaml")
        #expect(database.spec.healthChecker == nil)
        let defaulted = database.defaulted()
        #expect(defaulted.spec.replicas == 1)
        #expect(defaulted.spec.deletionPolicy == .wipeOut)
        #expect(defaulted.spec.healthChecker?.periodSeconds == 10)
        #expect(defaulted.spec.healthChecker?.timeoutSeconds == 10)
        #expect(defaulted.spec.healthChecker?.failureThreshold == 1)
        var bare = database
        bare.spec.deletionPolicy = nil
        bare.spec.replicas = nil
        #expect(bare.defaulted().spec.deletionPolicy == .delete)
        #expect(bare.defaulted().spec.replicas == 1)
        #expect(bare.podNames == ["memcd-quickstart-0"])
    }

    @Test("TLS with an issuer gets the three aliases and their secret names")
    func tlsDefaults() throws {
        let database = try Fixtures.memcached("mc-tls.yaml").defaulted()
        let certificates = try #require(database.spec.tls?.certificates)
        #expect(certificates.map(\.alias) == ["client", "server", "metrics-exporter"])
        #expect(
            certificates.map(\.secretName) == [
                "memcd-quickstart-client-cert", "memcd-quickstart-server-cert",
                "memcd-quickstart-metrics-exporter-cert",
            ])
        #expect(certificates[0].ipAddresses == ["127.0.0.1", "192.168.0.252"])
    }

    @Test("TLS without an issuer is left alone")
    func tlsWithoutIssuer() {
        let tls = TLSConfig(certificates: [CertificateSpec(alias: "server")])
        #expect(tls.defaulted(databaseName: "db") == tls)
    }

    @Test("requests default to IfReady and one retry")
    func requestDefaults() throws {
        let request = try Fixtures.opsRequest("mc-ops-rotate.yaml")
        #expect(request.spec.apply == nil)
        #expect(request.defaulted().spec.apply == .ifReady)
        #expect(request.defaulted().spec.maxRetries == 1)
    }

    @Test("setting conditions keeps first-insertion order")
    func conditionOrder() {
        var conditions: [Condition] = []
        conditions.set(Condition(type: "A", status: .false))
        conditions.set(Condition(type: "B", status: .true))
        conditions.set(Condition(type: "A", status: .true, message: "done"))
        #expect(conditions.map(\.type) == ["A", "B"])
        #expect(conditions.condition("A")?.message == "done")
        #expect(conditions.isTrue("A"))
    }

    @Test("unknown enum values are kept")
    func openEnums() {
        let phase: DatabasePhase = "Hibernating"
        #expect(!phase.isKnown)
        #expect(phase.rawValue == "Hibernating")
        #expect(DatabasePhase.ready.isKnown)
    }

    @Test(
        "field paths print as users write them",
        arguments: [
            ("spec.tls.certificates[1].ipAddresses[0]", "spec.tls.certificates[1].ipAddresses[0]"),
            (
                "metadata.annotations[\"kubectl.kubernetes.io/last\"]",
                "metadata.annotations[\"kubectl.kubernetes.io/last\"]"
            ),
        ])
    func fieldPaths(literal: String, printed: String) {
        #expect(FieldPath(parsing: literal).description == printed)
    }
}
