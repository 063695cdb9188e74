extension TLSConfig {
    /// The certificate aliases a Memcached database uses, in KubeDB's order.
    public static let memcachedAliases = ["server", "client", "metrics-exporter"]

    /// The secret name KubeDB gives a certificate: `<db>-<alias>-cert`.
    public static func defaultSecretName(databaseName: String, alias: String) -> String {
        "\(databaseName)-\(alias)-cert"
    }

    /// This configuration with KubeDB's defaults filled in.
    ///
    /// When an issuer is set, a certificate entry is added for each of `server`, `client`
    /// and `metrics-exporter` that is missing, and every empty `secretName` is filled with
    /// `<db>-<alias>-cert`. Existing entries keep their order; added ones follow.
    ///
    /// - Parameter databaseName: The Memcached object's name.
    public func defaulted(databaseName: String) -> TLSConfig {
        guard issuerRef != nil else { return self }
        var copy = self
        var certificates = certificates ?? []
        for alias in Self.memcachedAliases
        where !certificates.contains(where: { $0.alias == alias }) {
            certificates.append(CertificateSpec(alias: alias))
        }
        for index in certificates.indices where (certificates[index].secretName ?? "").isEmpty {
            certificates[index].secretName = Self.defaultSecretName(
                databaseName: databaseName, alias: certificates[index].alias)
        }
        copy.certificates = certificates
        return copy
    }

    /// The certificate entry with the given alias.
    public func certificate(alias: String) -> CertificateSpec? {
        certificates?.first { $0.alias == alias }
    }
}
