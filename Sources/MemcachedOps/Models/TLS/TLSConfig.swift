/// A database's TLS configuration: the issuer and the certificates it issues.
///
/// A database without `spec.tls` serves no TLS.
public struct TLSConfig: JSONRepresentable {
    /// The cert-manager issuer that signs the certificates.
    public var issuerRef: TypedLocalObjectReference?
    /// Settings for individual certificates, by alias.
    public var certificates: [CertificateSpec]?
    /// Fields this model does not name, kept in their places for writing back.
    public var preserved: PreservedFields

    /// Creates a value; fields left out stay unset.
    public init(
        issuerRef: TypedLocalObjectReference? = nil,
        certificates: [CertificateSpec]? = nil,
        preserved: PreservedFields = PreservedFields()
    ) {
        self.issuerRef = issuerRef
        self.certificates = certificates
        self.preserved = preserved
    }

    /// Reads the value from its JSON form.
    public init(json: JSONValue, path: FieldPath) throws(ManifestError) {
        var reader = try ObjectReader(json, path: path)
        issuerRef = try reader.model("issuerRef")
        certificates = try reader.models("certificates")
        preserved = reader.preserved()
    }

    /// The JSON form, in the original key order.
    public var json: JSONValue {
        var writer = ObjectWriter()
        writer.set("issuerRef", issuerRef)
        writer.set("certificates", certificates)
        return writer.finish(preserved)
    }
}
