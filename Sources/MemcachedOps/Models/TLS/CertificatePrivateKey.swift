/// Options for a certificate's private key.
public struct CertificatePrivateKey: JSONRepresentable {
    /// How the key is encoded: `PKCS1` (the default) or `PKCS8`.
    public var encoding: PrivateKeyEncoding?
    /// Fields this model does not name, kept in their places for writing back.
    public var preserved: PreservedFields

    /// Creates a value; fields left out stay unset.
    public init(
        encoding: PrivateKeyEncoding? = nil,
        preserved: PreservedFields = PreservedFields()
    ) {
        self.encoding = encoding
        self.preserved = preserved
    }

    /// Reads the value from its JSON form.
    public init(json: JSONValue, path: FieldPath) throws(ManifestError) {
        var reader = try ObjectReader(json, path: path)
        encoding = try reader.enumeration("encoding")
        preserved = reader.preserved()
    }

    /// The JSON form, in the original key order.
    public var json: JSONValue {
        var writer = ObjectWriter()
        writer.set("encoding", encoding)
        return writer.finish(preserved)
    }
}
