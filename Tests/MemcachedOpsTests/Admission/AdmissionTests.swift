import MemcachedOps
import Testing

/// One combination of the four ReconfigureTLS fields.
struct TLSCombination: CustomTestStringConvertible, Sendable {
    let remove: Bool
    let rotate: Bool
    let issuer: Bool
    let certificates: Bool

    var testDescription: String {
        "remove \(remove), rotate \(rotate), issuerRef \(issuer), certificates \(certificates)"
    }

    static let all: [TLSCombination] = (0..<16).map { bits in
        TLSCombination(
            remove: bits & 1 != 0, rotate: bits & 2 != 0, issuer: bits & 4 != 0,
            certificates: bits & 8 != 0)
    }

    /// KubeDB's count: issuerRef and certificates together are one operation.
    var operations: Int {
        (remove ? 1 : 0) + (rotate ? 1 : 0) + (issuer || certificates ? 1 : 0)
    }
}

private func request(_ tls: ReconfigureTLSSpec?, type: OpsRequestType = .reconfigureTLS)
    -> MemcachedOpsRequest
{
    MemcachedOpsRequest(
        metadata: ObjectMeta(name: "r", namespace: "demo"),
        spec: MemcachedOpsRequestSpec(
            databaseRef: LocalObjectReference(name: "memcd-quickstart"), type: type, tls: tls))
}

private let issuer = TypedLocalObjectReference(
    apiGroup: "cert-manager.io", kind: "Issuer", name: "ca")

private func errors(_ violations: [Violation]) -> [String] {
    violations.filter(\.isError).map(\.description)
}

@Suite("Admission of ReconfigureTLS requests")
struct ReconfigureTLSAdmissionTests {
    @Test("the counting rule over all sixteen combinations", arguments: TLSCombination.all)
    func countingRule(combination: TLSCombination) {
        let tls = ReconfigureTLSSpec(
            issuerRef: combination.issuer ? issuer : nil,
            certificates: combination.certificates ? [CertificateSpec(alias: "client")] : nil,
            rotateCertificates: combination.rotate ? true : nil,
            remove: combination.remove ? true : nil)
        let found = errors(Admission.validate(request(tls)))
        switch combination.operations {
        case 0:
            #expect(found == ["spec.tls: no reconfiguration is provided in TLS spec"])
        case 1:
            #expect(found == [])
        default:
            #expect(
                found == [
                    "spec.tls: more than 1 field have assigned to spec.reconfigureTLS but at a "
                        + "time one is allowed to run one operation"
                ])
        }
    }

    @Test("false flags do not count as operations")
    func falseFlags() {
        let tls = ReconfigureTLSSpec(rotateCertificates: false, remove: false)
        #expect(
            errors(Admission.validate(request(tls)))
                == ["spec.tls: no reconfiguration is provided in TLS spec"])
    }

    @Test("an empty certificate list counts, as a non-nil Go slice does")
    func emptyCertificateList() {
        let tls = ReconfigureTLSSpec(certificates: [], remove: true)
        #expect(errors(Admission.validate(request(tls))).count == 1)
    }

    @Test("a ReconfigureTLS request without spec.tls is refused with KubeDB's message")
    func missingTLS() {
        #expect(
            errors(Admission.validate(request(nil)))
                == ["spec.tls: spec.TLS nil not supported in ReconfigureTLS type"])
    }

    @Test(
        "rules the webhook misses",
        arguments: [
            (
                CertificateSpec(alias: "sever"), "spec.tls.certificates[0].alias",
                "unknown certificate alias"
            ),
            (
                CertificateSpec(alias: "server", ipAddresses: ["127.0.0.1", "10.0.0.256"]),
                "spec.tls.certificates[0].ipAddresses[1]", "not a valid IPv4 or IPv6 address"
            ),
            (
                CertificateSpec(alias: "server", ipAddresses: ["010.0.0.1"]),
                "spec.tls.certificates[0].ipAddresses[0]", "not a valid"
            ),
            (
                CertificateSpec(alias: "server", ipAddresses: ["fe80::1::2"]),
                "spec.tls.certificates[0].ipAddresses[0]", "not a valid"
            ),
            (
                CertificateSpec(alias: "server", dnsNames: ["bad name"]),
                "spec.tls.certificates[0].dnsNames[0]", "not a valid DNS name"
            ),
            (
                CertificateSpec(alias: "server", duration: GoDuration("30m")),
                "spec.tls.certificates[0].duration", "minimum of 1h0m0s"
            ),
            (
                CertificateSpec(
                    alias: "server", duration: GoDuration("24h"), renewBefore: GoDuration("24h")),
                "spec.tls.certificates[0].renewBefore", "must be shorter than duration"
            ),
            (
                CertificateSpec(alias: "server", renewBefore: GoDuration("3000h")),
                "spec.tls.certificates[0].renewBefore", "default duration"
            ),
            (
                CertificateSpec(alias: "server", renewBefore: GoDuration("1m")),
                "spec.tls.certificates[0].renewBefore", "minimum of 5m0s"
            ),
            (
                CertificateSpec(alias: "server", secretName: "Bad_Name"),
                "spec.tls.certificates[0].secretName", "not a valid secret name"
            ),
            (
                CertificateSpec(alias: "server", emailAddresses: ["nobody"]),
                "spec.tls.certificates[0].emailAddresses[0]", "not a valid e-mail address"
            ),
            (
                CertificateSpec(alias: "server", uris: ["no-scheme"]),
                "spec.tls.certificates[0].uris[0]", "absolute URI"
            ),
            (
                CertificateSpec(
                    alias: "server", privateKey: CertificatePrivateKey(encoding: "PKCS12")),
                "spec.tls.certificates[0].privateKey.encoding", "unknown encoding"
            ),
        ])
    func extraRules(certificate: CertificateSpec, path: String, fragment: String) {
        let violations = Admission.validate(
            request(ReconfigureTLSSpec(certificates: [certificate])))
        let match = violations.first { $0.isError && $0.path.description == path }
        #expect(match?.message.contains(fragment) == true, "\(violations)")
    }

    @Test(
        "valid names pass",
        arguments: [
            CertificateSpec(
                alias: "server", dnsNames: ["*.db-pods.demo.svc", "localhost"],
                ipAddresses: ["127.0.0.1", "::1", "2001:db8::8a2e:370:7334"],
                uris: ["spiffe://cluster/ns/demo"], emailAddresses: ["ops@example.com"]),
            CertificateSpec(
                alias: "metrics-exporter", duration: GoDuration("2160h0m0s"),
                privateKey: CertificatePrivateKey(encoding: .pkcs8)),
        ])
    func validNames(certificate: CertificateSpec) {
        #expect(
            errors(Admission.validate(request(ReconfigureTLSSpec(certificates: [certificate]))))
                == [])
    }

    @Test("duplicate aliases name the first use")
    func duplicateAliases() {
        let tls = ReconfigureTLSSpec(
            certificates: [CertificateSpec(alias: "client"), CertificateSpec(alias: "client")])
        #expect(
            errors(Admission.validate(request(tls)))
                == [
                    "spec.tls.certificates[1].alias: duplicate alias \"client\"; it is already "
                        + "used by spec.tls.certificates[0]"
                ])
    }

    @Test("a cert-manager issuer must be an Issuer or a ClusterIssuer")
    func issuerKind() {
        let wrong = TypedLocalObjectReference(
            apiGroup: "cert-manager.io", kind: "Certificate", name: "x")
        #expect(
            errors(Admission.validate(request(ReconfigureTLSSpec(issuerRef: wrong))))
                == [
                    "spec.tls.issuerRef.kind: kind \"Certificate\" is not a cert-manager issuer; "
                        + "expected \"Issuer\" or \"ClusterIssuer\""
                ])
        let cluster = TypedLocalObjectReference(
            apiGroup: "cert-manager.io", kind: "ClusterIssuer", name: "x")
        #expect(errors(Admission.validate(request(ReconfigureTLSSpec(issuerRef: cluster)))) == [])
    }

    @Test("an issuer without apiGroup is a warning, not an error")
    func issuerGroupWarning() {
        let bare = TypedLocalObjectReference(kind: "Issuer", name: "x")
        let violations = Admission.validate(request(ReconfigureTLSSpec(issuerRef: bare)))
        #expect(violations.map(\.severity) == [.warning])
        #expect(violations.first?.path == "spec.tls.issuerRef.apiGroup")
    }
}

@Suite("Admission of every request type")
struct OpsRequestAdmissionTests {
    @Test(
        "each type needs its own section",
        arguments: [
            (
                OpsRequestType.updateVersion, "spec.updateVersion",
                "spec.UpdateVersion nil not supported in UpdateVersion type"
            ),
            (
                .horizontalScaling, "spec.horizontalScaling",
                "spec.HorizontalScaling nil not supported in HorizontalScaling type"
            ),
            (
                .verticalScaling, "spec.verticalScaling",
                "spec.VerticalScaling nil not supported in VerticalScaling type"
            ),
            (
                .volumeExpansion, "spec.volumeExpansion",
                "spec.VolumeExpansion nil not supported in VolumeExpansion type"
            ),
            (
                .reconfigure, "spec.configuration",
                "spec.Configuration nil not supported in Reconfigure type"
            ),
            (.reconfigureTLS, "spec.tls", "spec.TLS nil not supported in ReconfigureTLS type"),
        ])
    func sectionRule(type: OpsRequestType, path: String, message: String) {
        #expect(errors(Admission.validate(request(nil, type: type))) == ["\(path): \(message)"])
    }

    @Test(
        "Restart and RotateAuth need no section", arguments: [OpsRequestType.restart, .rotateAuth])
    func noSection(type: OpsRequestType) {
        #expect(errors(Admission.validate(request(nil, type: type))) == [])
    }

    @Test("each type with its section is admitted")
    func sections() {
        var spec = MemcachedOpsRequestSpec(
            databaseRef: LocalObjectReference(name: "db"), type: .horizontalScaling,
            horizontalScaling: HorizontalScalingSpec(replicas: 3))
        var ops = MemcachedOpsRequest(metadata: ObjectMeta(name: "r"), spec: spec)
        #expect(errors(Admission.validate(ops)) == [])
        spec.type = .updateVersion
        spec.updateVersion = UpdateVersionSpec(targetVersion: "1.6.40")
        ops.spec = spec
        let violations = Admission.validate(ops)
        #expect(errors(violations) == [])
        #expect(
            violations.map(\.description)
                == [
                    "spec.horizontalScaling: warning: spec.horizontalScaling belongs to type "
                        + "HorizontalScaling and is ignored for type UpdateVersion"
                ])
    }

    @Test("an empty databaseRef name is refused")
    func emptyDatabaseName() {
        var ops = request(ReconfigureTLSSpec(rotateCertificates: true))
        ops.spec.databaseRef = LocalObjectReference(name: "")
        #expect(
            errors(Admission.validate(ops))
                == ["spec.databaseRef.name: must name a Memcached database, found nothing"])
    }

    @Test("databaseRef must name a known database in the same namespace")
    func databaseExists() {
        let ops = request(ReconfigureTLSSpec(rotateCertificates: true))
        let here = Memcached(
            metadata: ObjectMeta(name: "memcd-quickstart", namespace: "demo"),
            spec: MemcachedSpec(version: "1.6.40"))
        var elsewhere = here
        elsewhere.metadata.namespace = "prod"
        #expect(errors(Admission.validate(ops, databases: [here])) == [])
        #expect(errors(Admission.validate(ops, databases: [elsewhere])).count == 1)
    }

    @Test("an unknown type is refused and named")
    func unknownType() {
        let ops = request(nil, type: "Upgrade")
        #expect(
            errors(Admission.validate(ops)).first?.hasPrefix(
                "spec.type: unknown type \"Upgrade\"; expected \"UpdateVersion\"") == true)
    }
}

@Suite("Admission of Memcached objects")
struct MemcachedAdmissionTests {
    private func database(_ spec: MemcachedSpec, apiVersion: String = Memcached.apiVersionV1)
        -> Memcached
    {
        Memcached(apiVersion: apiVersion, metadata: ObjectMeta(name: "db"), spec: spec)
    }

    @Test("version and a positive replica count are required")
    func required() {
        #expect(
            errors(Admission.validate(database(MemcachedSpec(replicas: 0))))
                == [
                    "spec.version: required field is missing",
                    "spec.replicas: must be at least 1, found 0",
                ])
    }

    @Test("fields of the other API version are refused")
    func versionFields() {
        let alpha = database(
            MemcachedSpec(version: "1.6.40", deletionPolicy: .wipeOut),
            apiVersion: Memcached.apiVersionV1Alpha2)
        #expect(
            errors(Admission.validate(alpha))
                == [
                    "spec.deletionPolicy: spec.deletionPolicy is a field of kubedb.com/v1, not of "
                        + "kubedb.com/v1alpha2"
                ])
        let v1 = database(MemcachedSpec(version: "1.6.40", terminationPolicy: .halt))
        #expect(errors(Admission.validate(v1)).count == 1)
    }

    @Test("an unknown deletion policy is kept on reading and refused by admission")
    func unknownPolicy() {
        let db = database(MemcachedSpec(version: "1", deletionPolicy: "Shred"))
        #expect(db.spec.deletionPolicy?.rawValue == "Shred")
        #expect(db.spec.deletionPolicy?.isKnown == false)
        #expect(
            errors(Admission.validate(db)).first?.hasPrefix("spec.deletionPolicy: unknown") == true)
    }

    @Test("the database's certificates get the same checks as a request's")
    func tlsChecks() {
        let tls = TLSConfig(
            issuerRef: issuer,
            certificates: [CertificateSpec(alias: "client", ipAddresses: ["not-an-ip"])])
        #expect(
            errors(Admission.validate(database(MemcachedSpec(version: "1", tls: tls))))
                == [
                    "spec.tls.certificates[0].ipAddresses[0]: \"not-an-ip\" is not a valid IPv4 or "
                        + "IPv6 address"
                ])
    }
}
