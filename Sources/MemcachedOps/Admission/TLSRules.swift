/// Checks shared by a database's `spec.tls` and a ReconfigureTLS request's `spec.tls`:
/// the issuer reference and each certificate entry.
struct TLSRules {
    /// Where violations go.
    var violations: [Violation] = []

    /// The shortest certificate duration cert-manager accepts.
    static let minimumDuration = GoDuration(seconds: 3600)
    /// The shortest `renewBefore` cert-manager accepts.
    static let minimumRenewBefore = GoDuration(seconds: 300)

    /// Checks an issuer reference.
    mutating func checkIssuer(_ issuer: TypedLocalObjectReference, at path: FieldPath) {
        if issuer.name.isEmpty {
            violations.append(
                .init(.error, path.appending("name"), "issuer name must not be empty"))
        }
        let group = issuer.apiGroup ?? ""
        if group == Issuer.group {
            if issuer.kind != "Issuer" && issuer.kind != "ClusterIssuer" {
                violations.append(
                    .init(
                        .error, path.appending("kind"),
                        "kind \"\(issuer.kind)\" is not a cert-manager issuer; expected "
                            + "\"Issuer\" or \"ClusterIssuer\""))
            }
        } else if group.isEmpty {
            violations.append(
                .init(
                    .warning, path.appending("apiGroup"),
                    "apiGroup is not set; KubeDB issues certificates with cert-manager, "
                        + "whose apiGroup is \"cert-manager.io\""))
        } else {
            violations.append(
                .init(
                    .warning, path.appending("apiGroup"),
                    "apiGroup \"\(group)\" is not cert-manager.io; KubeDB can only use "
                        + "cert-manager issuers"))
        }
    }

    /// Checks a list of certificate entries.
    mutating func checkCertificates(_ certificates: [CertificateSpec], at path: FieldPath) {
        var seen: [String: Int] = [:]
        for (index, certificate) in certificates.enumerated() {
            let entryPath = path.appending(index: index)
            if let first = seen[certificate.alias] {
                violations.append(
                    .init(
                        .error, entryPath.appending("alias"),
                        "duplicate alias \"\(certificate.alias)\"; it is already used by "
                            + "\(path.appending(index: first))"))
            } else {
                seen[certificate.alias] = index
            }
            check(certificate, at: entryPath)
        }
    }

    private mutating func check(_ certificate: CertificateSpec, at path: FieldPath) {
        let aliases = TLSConfig.memcachedAliases
        if !aliases.contains(certificate.alias) {
            let list = aliases.map { "\"\($0)\"" }.joined(separator: ", ")
            violations.append(
                .init(
                    .error, path.appending("alias"),
                    "unknown certificate alias \"\(certificate.alias)\"; Memcached uses \(list)"))
        }
        if let issuer = certificate.issuerRef {
            checkIssuer(issuer, at: path.appending("issuerRef"))
        }
        if let secretName = certificate.secretName, !secretName.isEmpty,
            !NameRules.isDNSSubdomain(secretName)
        {
            violations.append(
                .init(
                    .error, path.appending("secretName"),
                    "\"\(secretName)\" is not a valid secret name: lower-case letters, digits, "
                        + "'-' and '.', at most 253 characters"))
        }
        for (index, address) in (certificate.ipAddresses ?? []).enumerated()
        where !NameRules.isIPAddress(address) {
            violations.append(
                .init(
                    .error, path.appending("ipAddresses").appending(index: index),
                    "\"\(address)\" is not a valid IPv4 or IPv6 address"))
        }
        for (index, name) in (certificate.dnsNames ?? []).enumerated()
        where !NameRules.isDNSName(name) {
            violations.append(
                .init(
                    .error, path.appending("dnsNames").appending(index: index),
                    "\"\(name)\" is not a valid DNS name"))
        }
        for (index, address) in (certificate.emailAddresses ?? []).enumerated()
        where !NameRules.isEmailAddress(address) {
            violations.append(
                .init(
                    .error, path.appending("emailAddresses").appending(index: index),
                    "\"\(address)\" is not a valid e-mail address"))
        }
        for (index, uri) in (certificate.uris ?? []).enumerated() where !NameRules.isURI(uri) {
            violations.append(
                .init(
                    .error, path.appending("uris").appending(index: index),
                    "\"\(uri)\" is not an absolute URI with a scheme"))
        }
        if let encoding = certificate.privateKey?.encoding, !encoding.isKnown {
            violations.append(
                .init(
                    .error, path.appending("privateKey").appending("encoding"),
                    "unknown encoding \"\(encoding)\"; expected \(PrivateKeyEncoding.knownList)"))
        }
        checkDurations(certificate, at: path)
    }

    private mutating func checkDurations(_ certificate: CertificateSpec, at path: FieldPath) {
        if let duration = certificate.duration, duration < Self.minimumDuration {
            violations.append(
                .init(
                    .error, path.appending("duration"),
                    "duration \(duration) is shorter than cert-manager's minimum of 1h0m0s"))
        }
        guard let renewBefore = certificate.renewBefore else { return }
        violations.append(
            .init(
                .warning, path.appending("renewBefore"),
                "renewBefore is deprecated upstream; cert-manager renews at two thirds of the "
                    + "duration when it is unset"))
        if renewBefore < Self.minimumRenewBefore {
            violations.append(
                .init(
                    .error, path.appending("renewBefore"),
                    "renewBefore \(renewBefore) is shorter than cert-manager's minimum of 5m0s"))
        }
        let duration = certificate.duration ?? GoDuration(seconds: 90 * 24 * 3600)
        if renewBefore >= duration {
            let which = certificate.duration == nil ? "the default duration 2160h0m0s" : "duration"
            violations.append(
                .init(
                    .error, path.appending("renewBefore"),
                    "renewBefore \(renewBefore) must be shorter than \(which) (\(duration))"))
        }
    }
}
