/// The admission rules of a MemcachedOpsRequest.
struct OpsRequestRules {
    let request: MemcachedOpsRequest
    var violations: [Violation] = []

    /// KubeDB's message for a ReconfigureTLS request without `spec.tls`.
    static let missingTLSMessage = "spec.TLS nil not supported in ReconfigureTLS type"
    /// KubeDB's message for a `spec.tls` that asks for nothing.
    static let noOperationMessage = "no reconfiguration is provided in TLS spec"
    /// KubeDB's message for a `spec.tls` that asks for more than one thing.
    static let severalOperationsMessage =
        "more than 1 field have assigned to spec.reconfigureTLS but at a time one is allowed "
        + "to run one operation"

    init(request: MemcachedOpsRequest) {
        self.request = request
    }

    mutating func run(databases: [Memcached]?) {
        let spec = request.spec
        if (request.metadata.name ?? "").isEmpty && (request.metadata.generateName ?? "").isEmpty {
            add(.error, "metadata.name", "required field is missing")
        }
        checkDatabaseReference(databases: databases)
        guard let type = spec.type else {
            add(.error, "spec.type", "required field is missing")
            return
        }
        guard type.isKnown else {
            add(
                .error, "spec.type",
                "unknown type \"\(type)\"; expected \(OpsRequestType.knownList)")
            return
        }
        checkSection(for: type)
        checkOtherSections(for: type)
        if type == .reconfigureTLS { checkTLS() }
        if let apply = spec.apply, !apply.isKnown {
            add(
                .error, "spec.apply",
                "unknown value \"\(apply)\"; expected \(ApplyPolicy.knownList)")
        }
        if let retries = spec.maxRetries, retries < 0 {
            add(.error, "spec.maxRetries", "must not be negative, found \(retries)")
        }
        if let timeout = spec.timeout, timeout.nanoseconds <= 0 {
            add(.error, "spec.timeout", "must be a positive duration, found \"\(timeout)\"")
        }
    }

    private mutating func checkDatabaseReference(databases: [Memcached]?) {
        guard let reference = request.spec.databaseRef else {
            add(.error, "spec.databaseRef", "required field is missing")
            return
        }
        guard let name = reference.name, !name.isEmpty else {
            add(.error, "spec.databaseRef.name", "must name a Memcached database, found nothing")
            return
        }
        guard let databases else { return }
        let exists = databases.contains { $0.name == name && $0.namespace == request.namespace }
        if !exists {
            add(
                .error, "spec.databaseRef.name",
                "Memcached \(request.namespace)/\(name) not found; the database must exist in "
                    + "the request's namespace")
        }
    }

    /// The rule every type has: its own section must be present.
    private mutating func checkSection(for type: OpsRequestType) {
        let spec = request.spec
        let missing: String?
        switch type {
        case .updateVersion: missing = spec.updateVersion == nil ? "UpdateVersion" : nil
        case .horizontalScaling: missing = spec.horizontalScaling == nil ? "HorizontalScaling" : nil
        case .verticalScaling: missing = spec.verticalScaling == nil ? "VerticalScaling" : nil
        case .volumeExpansion: missing = spec.volumeExpansion == nil ? "VolumeExpansion" : nil
        case .reconfigure: missing = spec.configuration == nil ? "Configuration" : nil
        default: missing = nil
        }
        if let missing {
            let key = Self.sectionKey[type.rawValue] ?? ""
            add(
                .error, FieldPath("spec").appending(key),
                "spec.\(missing) nil not supported in \(type) type")
        }
        if type == .reconfigureTLS, spec.tls == nil {
            add(.error, "spec.tls", Self.missingTLSMessage)
        }
        if type == .horizontalScaling, let replicas = spec.horizontalScaling?.replicas, replicas < 1
        {
            add(.error, "spec.horizontalScaling.replicas", "must be at least 1, found \(replicas)")
        }
        if type == .updateVersion, let section = spec.updateVersion,
            (section.targetVersion ?? "").isEmpty
        {
            add(.error, "spec.updateVersion.targetVersion", "required field is missing")
        }
    }

    /// Sections of other types are ignored by KubeDB: worth a warning.
    private mutating func checkOtherSections(for type: OpsRequestType) {
        let spec = request.spec
        let present: [(key: String, type: OpsRequestType, isSet: Bool)] = [
            ("updateVersion", .updateVersion, spec.updateVersion != nil),
            ("horizontalScaling", .horizontalScaling, spec.horizontalScaling != nil),
            ("verticalScaling", .verticalScaling, spec.verticalScaling != nil),
            ("volumeExpansion", .volumeExpansion, spec.volumeExpansion != nil),
            ("configuration", .reconfigure, spec.configuration != nil),
            ("tls", .reconfigureTLS, spec.tls != nil),
            ("authentication", .rotateAuth, spec.authentication != nil),
            ("restart", .restart, spec.restart != nil),
        ]
        for section in present where section.isSet && section.type != type {
            add(
                .warning, FieldPath("spec").appending(section.key),
                "spec.\(section.key) belongs to type \(section.type) and is ignored for type "
                    + "\(type)")
        }
    }

    /// KubeDB's ReconfigureTLS rule: exactly one operation, plus the entries' own checks.
    private mutating func checkTLS() {
        guard let tls = request.spec.tls else { return }
        var operations = 0
        if tls.remove == true { operations += 1 }
        if tls.rotateCertificates == true { operations += 1 }
        if tls.issuerRef != nil || tls.certificates != nil { operations += 1 }
        if operations == 0 {
            add(.error, "spec.tls", Self.noOperationMessage)
        } else if operations > 1 {
            add(.error, "spec.tls", Self.severalOperationsMessage)
        }

        var rules = TLSRules()
        if let issuer = tls.issuerRef {
            rules.checkIssuer(issuer, at: "spec.tls.issuerRef")
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

    private static let sectionKey: [String: String] = [
        "UpdateVersion": "updateVersion", "HorizontalScaling": "horizontalScaling",
        "VerticalScaling": "verticalScaling", "VolumeExpansion": "volumeExpansion",
        "Reconfigure": "configuration",
    ]
}
