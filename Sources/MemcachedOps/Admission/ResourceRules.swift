/// Admission rules for the cert-manager objects and secrets this package reads.
enum ResourceRules {
    /// Checks an `Issuer` or `ClusterIssuer`.
    static func validate(_ issuer: Issuer) -> [Violation] {
        var violations = nameRule(issuer.metadata)
        let spec = issuer.spec
        let kinds = [
            spec.ca != nil, spec.selfSigned != nil, spec.acme != nil, spec.vault != nil,
            spec.venafi != nil,
        ].filter { $0 }.count
        if kinds == 0 {
            violations.append(
                .init(
                    .error, "spec", "an issuer needs one of ca, selfSigned, acme, vault or venafi"))
        } else if kinds > 1 {
            violations.append(
                .init(
                    .error, "spec",
                    "an issuer may set only one of ca, selfSigned, acme, vault or venafi"))
        }
        if let ca = spec.ca, (ca.secretName ?? "").isEmpty {
            violations.append(.init(.error, "spec.ca.secretName", "required field is missing"))
        }
        return violations
    }

    /// Checks a cert-manager `Certificate`.
    static func validate(_ certificate: Certificate) -> [Violation] {
        var violations = nameRule(certificate.metadata)
        let spec = certificate.spec
        if (spec.secretName ?? "").isEmpty {
            violations.append(.init(.error, "spec.secretName", "required field is missing"))
        }
        if spec.issuerRef == nil {
            violations.append(.init(.error, "spec.issuerRef", "required field is missing"))
        }
        for (index, address) in (spec.ipAddresses ?? []).enumerated()
        where !NameRules.isIPAddress(address) {
            violations.append(
                .init(
                    .error, FieldPath("spec.ipAddresses").appending(index: index),
                    "\"\(address)\" is not a valid IPv4 or IPv6 address"))
        }
        return violations
    }

    /// Checks a `Secret`; a `kubernetes.io/tls` secret needs `tls.crt` and `tls.key`.
    static func validate(_ secret: Secret) -> [Violation] {
        var violations = nameRule(secret.metadata)
        if secret.isTLS {
            for key in [Secret.certificateKey, Secret.privateKeyKey]
            where !secret.keys.contains(key) {
                violations.append(
                    .init(.error, "data", "a kubernetes.io/tls secret needs the key \"\(key)\""))
            }
        }
        return violations
    }

    private static func nameRule(_ metadata: ObjectMeta) -> [Violation] {
        if (metadata.name ?? "").isEmpty && (metadata.generateName ?? "").isEmpty {
            return [.init(.error, "metadata.name", "required field is missing")]
        }
        return []
    }
}
