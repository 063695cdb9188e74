/// The section of a `ReconfigureTLS` request: a TLS configuration plus rotate or remove.
///
/// Exactly one operation is allowed: `remove`, `rotateCertificates`, or new `issuerRef` and/or
/// `certificates`.
public struct ReconfigureTLSSpec: JSONRepresentable {
    /// A new issuer; with TLS off, adds TLS.
    public var issuerRef: TypedLocalObjectReference?
    /// Certificate settings to merge into the database's.
    public var certificates: [CertificateSpec]?
    /// Whether to re-issue every certificate.
    public var rotateCertificates: Bool?
    /// Whether to remove TLS.
    public var remove: Bool?
    /// Fields this model does not name, kept in their places for writing back.
    public var preserved: PreservedFields

    /// Creates a value; fields left out stay unset.
    public init(
        issuerRef: TypedLocalObjectReference? = nil,
        certificates: [CertificateSpec]? = nil,
        rotateCertificates: Bool? = nil,
        remove: Bool? = nil,
        preserved: PreservedFields = PreservedFields()
    ) {
        self.issuerRef = issuerRef
        self.certificates = certificates
        self.rotateCertificates = rotateCertificates
        self.remove = remove
        self.preserved = preserved
    }

    /// Reads the value from its JSON form.
    public init(json: JSONValue, path: FieldPath) throws(ManifestError) {
        var reader = try ObjectReader(json, path: path)
        issuerRef = try reader.model("issuerRef")
        certificates = try reader.models("certificates")
        rotateCertificates = try reader.bool("rotateCertificates")
        remove = try reader.bool("remove")
        preserved = reader.preserved()
    }

    /// The JSON form, in the original key order.
    public var json: JSONValue {
        var writer = ObjectWriter()
        writer.set("issuerRef", issuerRef)
        writer.set("certificates", certificates)
        writer.set("rotateCertificates", rotateCertificates)
        writer.set("remove", remove)
        return writer.finish(preserved)
    }
}
