extension TLSConfig {
    /// Whether two configurations ask for the same certificates from the same issuer.
    ///
    /// Order of certificates and of list entries, preserved unknown fields and the text a
    /// duration was written with do not matter.
    func isEquivalent(to other: TLSConfig) -> Bool {
        guard Self.sameIssuer(issuerRef, other.issuerRef) else { return false }
        let mine = certificates ?? []
        let theirs = other.certificates ?? []
        guard mine.count == theirs.count else { return false }
        for certificate in mine {
            guard let match = theirs.first(where: { $0.alias == certificate.alias }),
                certificate.isEquivalent(to: match, comparingIssuer: true)
            else { return false }
        }
        return true
    }

    /// Whether two optional configurations are equivalent; `nil` only matches `nil`.
    static func equivalent(_ first: TLSConfig?, _ second: TLSConfig?) -> Bool {
        switch (first, second) {
        case (nil, nil): return true
        case (let first?, let second?): return first.isEquivalent(to: second)
        default: return false
        }
    }

    /// Whether two issuer references name the same issuer (kind and name).
    static func sameIssuer(
        _ first: TypedLocalObjectReference?, _ second: TypedLocalObjectReference?
    ) -> Bool {
        switch (first, second) {
        case (nil, nil): return true
        case (let first?, let second?):
            return first.name == second.name && first.kind == second.kind
        default: return false
        }
    }

    /// Whether two string lists hold the same entries, in any order.
    static func sameEntries(_ first: [String]?, _ second: [String]?) -> Bool {
        let first = first ?? []
        let second = second ?? []
        guard first.count == second.count else { return false }
        for entry in first where !second.contains(entry) { return false }
        for entry in second where !first.contains(entry) { return false }
        return true
    }
}

extension CertificateSpec {
    /// Whether two certificate settings would issue the same certificate.
    ///
    /// - Parameters:
    ///   - other: The settings to compare with.
    ///   - comparingIssuer: Whether the per-certificate `issuerRef` must match too.
    /// - Returns: `true` when every setting matches, lists in any order.
    func isEquivalent(to other: CertificateSpec, comparingIssuer: Bool) -> Bool {
        guard alias == other.alias,
            (secretName ?? "") == (other.secretName ?? ""),
            duration == other.duration,
            renewBefore == other.renewBefore,
            (privateKey?.encoding ?? .pkcs1) == (other.privateKey?.encoding ?? .pkcs1),
            TLSConfig.sameEntries(dnsNames, other.dnsNames),
            TLSConfig.sameEntries(ipAddresses, other.ipAddresses),
            TLSConfig.sameEntries(uris, other.uris),
            TLSConfig.sameEntries(emailAddresses, other.emailAddresses),
            X509Subject.equivalent(subject, other.subject)
        else { return false }
        return !comparingIssuer || TLSConfig.sameIssuer(issuerRef, other.issuerRef)
    }
}

extension X509Subject {
    /// Whether two optional subjects hold the same entries; `nil` counts as empty.
    static func equivalent(_ first: X509Subject?, _ second: X509Subject?) -> Bool {
        switch (first, second) {
        case (nil, nil): return true
        case (let first?, let second?): return first.isEquivalent(to: second)
        case (let only?, nil), (nil, let only?): return only.isEmpty
        }
    }

    /// Whether the subject has no entries.
    var isEmpty: Bool {
        (organizations ?? []).isEmpty && (countries ?? []).isEmpty
            && (organizationalUnits ?? []).isEmpty && (localities ?? []).isEmpty
            && (provinces ?? []).isEmpty && (streetAddresses ?? []).isEmpty
            && (postalCodes ?? []).isEmpty && serialNumber == nil
    }

    /// Whether two subjects hold the same entries, in any order.
    func isEquivalent(to other: X509Subject) -> Bool {
        TLSConfig.sameEntries(organizations, other.organizations)
            && TLSConfig.sameEntries(countries, other.countries)
            && TLSConfig.sameEntries(organizationalUnits, other.organizationalUnits)
            && TLSConfig.sameEntries(localities, other.localities)
            && TLSConfig.sameEntries(provinces, other.provinces)
            && TLSConfig.sameEntries(streetAddresses, other.streetAddresses)
            && TLSConfig.sameEntries(postalCodes, other.postalCodes)
            && serialNumber == other.serialNumber
    }
}
