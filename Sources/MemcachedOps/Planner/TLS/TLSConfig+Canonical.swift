extension TLSConfig {
    /// This configuration with every part's keys in the models' own order, and unknown
    /// fields sorted by key.
    ///
    /// A configuration read through Foundation's `JSONDecoder` (such as from a state file)
    /// has its key order from a dictionary, which changes from run to run; the desired
    /// configuration must not, so that equal inputs give equal plans and equal output.
    func canonicallyOrdered() -> TLSConfig {
        guard !isCanonicallyOrdered else { return self }
        var copy = self
        copy.preserved.canonicalize()
        copy.issuerRef?.preserved.canonicalize()
        if var certificates = copy.certificates {
            for index in certificates.indices {
                certificates[index].preserved.canonicalize()
                certificates[index].issuerRef?.preserved.canonicalize()
                certificates[index].subject?.preserved.canonicalize()
                certificates[index].privateKey?.preserved.canonicalize()
            }
            copy.certificates = certificates
        }
        return copy
    }
}

extension TLSConfig {
    /// Whether no part remembers a key order or holds more than one unknown field.
    private var isCanonicallyOrdered: Bool {
        guard preserved.isCanonical, issuerRef?.preserved.isCanonical ?? true else {
            return false
        }
        for certificate in certificates ?? [] {
            guard certificate.preserved.isCanonical,
                certificate.issuerRef?.preserved.isCanonical ?? true,
                certificate.subject?.preserved.isCanonical ?? true,
                certificate.privateKey?.preserved.isCanonical ?? true
            else { return false }
        }
        return true
    }
}

extension PreservedFields {
    /// Whether there is no key order to forget and no unknown fields to sort.
    var isCanonical: Bool { keyOrder.isEmpty && fields.count <= 1 }

    /// Forgets the original key order and sorts unknown fields by key.
    mutating func canonicalize() {
        if !keyOrder.isEmpty { keyOrder = [] }
        if fields.count > 1 {
            fields = JSONObject(fields.entries.sorted { $0.key < $1.key })
        }
    }
}
