extension TLSConfig {
    /// The DNS names the server certificate must cover so that KubeDB's own client (which
    /// dials `<db>.<ns>.svc`), clients of the pods' governing service and a local client
    /// all verify it.
    ///
    /// - Parameters:
    ///   - database: The database's name.
    ///   - namespace: The database's namespace.
    /// - Returns: `<db>`, `<db>.<ns>`, `<db>.<ns>.svc`, `*.<db>-pods.<ns>.svc` and
    ///   `localhost`, in that order.
    public static func serverDNSNames(database: String, namespace: String) -> [String] {
        func joined(_ parts: String...) -> String {
            var text = ""
            text.reserveCapacity(parts.reduce(0) { $0 + $1.utf8.count })
            for part in parts { text += part }
            return text
        }
        return [
            database,
            joined(database, ".", namespace),
            joined(database, ".", namespace, ".svc"),
            joined("*.", database, "-pods.", namespace, ".svc"),
            "localhost",
        ]
    }

    /// The IP addresses the server certificate must cover: `127.0.0.1`.
    public static let serverIPAddresses = ["127.0.0.1"]

    /// This configuration with a request's TLS section merged in, as KubeDB merges.
    ///
    /// The request's `issuerRef` replaces this one's. A request certificate with a new alias
    /// is appended; one with an existing alias is merged into it: string lists are unioned
    /// (this configuration's entries first), and every setting the request gives (secret
    /// name, duration, renewBefore, private key, per-certificate issuer, subject serial
    /// number) replaces this one's, while settings it leaves out are kept.
    ///
    /// - Parameter request: The request's `spec.tls`.
    /// - Returns: The merged configuration, not yet defaulted.
    func merging(_ request: ReconfigureTLSSpec) -> TLSConfig {
        var merged = self
        if let issuerRef = request.issuerRef { merged.issuerRef = issuerRef }
        guard let additions = request.certificates, !additions.isEmpty else { return merged }
        var certificates = merged.certificates ?? []
        for addition in additions {
            if let index = certificates.firstIndex(where: { $0.alias == addition.alias }) {
                certificates[index] = certificates[index].merging(addition)
            } else {
                certificates.append(addition)
            }
        }
        merged.certificates = certificates
        return merged
    }

    /// This configuration with the server certificate's names extended by
    /// ``serverDNSNames(database:namespace:)`` and ``serverIPAddresses``.
    ///
    /// - Parameters:
    ///   - database: The database's name.
    ///   - namespace: The database's namespace.
    /// - Returns: The configuration; unchanged when it has no server certificate.
    func coveringServerNames(database: String, namespace: String) -> TLSConfig {
        guard var certificates,
            let index = certificates.firstIndex(where: { $0.alias == "server" })
        else { return self }
        var server = certificates[index]
        server.dnsNames = Self.union(
            server.dnsNames, Self.serverDNSNames(database: database, namespace: namespace))
        server.ipAddresses = Self.union(server.ipAddresses, Self.serverIPAddresses)
        certificates[index] = server
        var copy = self
        copy.certificates = certificates
        return copy
    }

    /// Two string lists joined: the first's entries, then the second's that are new.
    static func union(_ first: [String]?, _ second: [String]?) -> [String]? {
        guard let second, !second.isEmpty else { return first }
        guard var result = first, !result.isEmpty else { return second }
        for entry in second where !result.contains(entry) { result.append(entry) }
        return result
    }
}

extension CertificateSpec {
    /// This certificate with a request's settings for the same alias merged in: lists
    /// unioned, settings the request gives replacing these.
    func merging(_ request: CertificateSpec) -> CertificateSpec {
        var merged = self
        if let issuerRef = request.issuerRef { merged.issuerRef = issuerRef }
        if let secretName = request.secretName, !secretName.isEmpty {
            merged.secretName = secretName
        }
        if let subject = request.subject {
            merged.subject = merged.subject.map { $0.merging(subject) } ?? subject
        }
        if let duration = request.duration { merged.duration = duration }
        if let renewBefore = request.renewBefore { merged.renewBefore = renewBefore }
        merged.dnsNames = TLSConfig.union(dnsNames, request.dnsNames)
        merged.ipAddresses = TLSConfig.union(ipAddresses, request.ipAddresses)
        merged.uris = TLSConfig.union(uris, request.uris)
        merged.emailAddresses = TLSConfig.union(emailAddresses, request.emailAddresses)
        if let privateKey = request.privateKey { merged.privateKey = privateKey }
        return merged
    }
}

extension X509Subject {
    /// This subject with another's lists unioned in and its serial number, when given,
    /// replacing this one's.
    func merging(_ other: X509Subject) -> X509Subject {
        var merged = self
        merged.organizations = TLSConfig.union(organizations, other.organizations)
        merged.countries = TLSConfig.union(countries, other.countries)
        merged.organizationalUnits = TLSConfig.union(
            organizationalUnits, other.organizationalUnits)
        merged.localities = TLSConfig.union(localities, other.localities)
        merged.provinces = TLSConfig.union(provinces, other.provinces)
        merged.streetAddresses = TLSConfig.union(streetAddresses, other.streetAddresses)
        merged.postalCodes = TLSConfig.union(postalCodes, other.postalCodes)
        if let serialNumber = other.serialNumber { merged.serialNumber = serialNumber }
        return merged
    }
}
