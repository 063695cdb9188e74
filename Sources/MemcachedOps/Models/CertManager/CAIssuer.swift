/// A CA issuer: it signs with the CA certificate and key in a secret.
public struct CAIssuer: JSONRepresentable {
    /// The secret holding `tls.crt` and `tls.key` of the CA.
    public var secretName: String?
    /// CRL distribution points to put in issued certificates.
    public var crlDistributionPoints: [String]?
    /// OCSP servers to put in issued certificates.
    public var ocspServers: [String]?
    /// Fields this model does not name, kept in their places for writing back.
    public var preserved: PreservedFields

    /// Creates a value; fields left out stay unset.
    public init(
        secretName: String? = nil,
        crlDistributionPoints: [String]? = nil,
        ocspServers: [String]? = nil,
        preserved: PreservedFields = PreservedFields()
    ) {
        self.secretName = secretName
        self.crlDistributionPoints = crlDistributionPoints
        self.ocspServers = ocspServers
        self.preserved = preserved
    }

    /// Reads the value from its JSON form.
    public init(json: JSONValue, path: FieldPath) throws(ManifestError) {
        var reader = try ObjectReader(json, path: path)
        secretName = try reader.string("secretName")
        crlDistributionPoints = try reader.strings("crlDistributionPoints")
        ocspServers = try reader.strings("ocspServers")
        preserved = reader.preserved()
    }

    /// The JSON form, in the original key order.
    public var json: JSONValue {
        var writer = ObjectWriter()
        writer.set("secretName", secretName)
        writer.set("crlDistributionPoints", crlDistributionPoints)
        writer.set("ocspServers", ocspServers)
        return writer.finish(preserved)
    }
}
