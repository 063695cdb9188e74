/// The admission rules of a Memcached object.
struct MemcachedRules {
    let database: Memcached
    var violations: [Violation] = []

    init(database: Memcached) {
        self.database = database
    }

    mutating func run() {
        let spec = database.spec
        if (database.metadata.name ?? "").isEmpty && (database.metadata.generateName ?? "").isEmpty
        {
            add(.error, "metadata.name", "required field is missing")
        }
        if (spec.version ?? "").isEmpty {
            add(.error, "spec.version", "required field is missing")
        }
        if let replicas = spec.replicas, replicas < 1 {
            add(.error, "spec.replicas", "must be at least 1, found \(replicas)")
        }
        checkVersionFields()
        for (key, policy) in [
            ("deletionPolicy", spec.deletionPolicy),
            ("terminationPolicy", spec.terminationPolicy),
        ] {
            if let policy, !policy.isKnown {
                add(
                    .error, FieldPath("spec").appending(key),
                    "unknown policy \"\(policy)\"; expected \(DeletionPolicy.knownList)")
            }
        }
        for (index, template) in (spec.serviceTemplates ?? []).enumerated() {
            if let alias = template.alias, !alias.isKnown {
                add(
                    .error,
                    FieldPath("spec.serviceTemplates").appending(index: index).appending("alias"),
                    "unknown alias \"\(alias)\"; expected \(ServiceAlias.knownList)")
            }
        }
        checkHealthChecker()
        if let tls = spec.tls { checkTLS(tls) }
        if let phase = database.status?.phase, !phase.isKnown {
            add(
                .warning, "status.phase",
                "unknown phase \"\(phase)\"; expected \(DatabasePhase.knownList)")
        }
    }

    /// Fields that exist in only one of `v1` and `v1alpha2`.
    private mutating func checkVersionFields() {
        let spec = database.spec
        let isAlpha = database.apiVersion == Memcached.apiVersionV1Alpha2
        let v1Only: [(String, Bool)] = [
            ("deletionPolicy", spec.deletionPolicy != nil),
            ("configuration", spec.configuration != nil),
            ("authSecret", spec.authSecret != nil),
            ("disableAuth", spec.disableAuth != nil),
        ]
        let alphaOnly: [(String, Bool)] = [
            ("terminationPolicy", spec.terminationPolicy != nil),
            ("autoOps", spec.autoOps != nil),
        ]
        let (foreign, other) =
            isAlpha ? (v1Only, "kubedb.com/v1") : (alphaOnly, "kubedb.com/v1alpha2")
        for (key, isSet) in foreign where isSet {
            add(
                .error, FieldPath("spec").appending(key),
                "spec.\(key) is a field of \(other), not of \(database.apiVersion)")
        }
    }

    private mutating func checkHealthChecker() {
        guard let health = database.spec.healthChecker else { return }
        let fields: [(String, Int32?)] = [
            ("periodSeconds", health.periodSeconds), ("timeoutSeconds", health.timeoutSeconds),
            ("failureThreshold", health.failureThreshold),
        ]
        for (key, value) in fields {
            if let value, value < 1 {
                add(
                    .error, FieldPath("spec.healthChecker").appending(key),
                    "must be at least 1, found \(value)")
            }
        }
    }

    private mutating func checkTLS(_ tls: TLSConfig) {
        var rules = TLSRules()
        if let issuer = tls.issuerRef {
            rules.checkIssuer(issuer, at: "spec.tls.issuerRef")
        } else {
            add(
                .warning, "spec.tls.issuerRef",
                "spec.tls has no issuerRef; KubeDB cannot issue certificates without an issuer")
        }
        if let certificates = tls.certificates {
            rules.checkCertificates(certificates, at: "spec.tls.certificates")
        }
        violations += rules.violations
    }

    private mutating func add(_ severity: Violation.Severity, _ path: FieldPath, _ message: String)
    {
        violations.append(Violation(severity, path, message))
    }
}
