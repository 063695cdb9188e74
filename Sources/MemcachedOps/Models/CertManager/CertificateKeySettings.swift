/// cert-manager's private key settings of a Certificate.
public struct CertificateKeySettings: JSONRepresentable {
    /// `Never` or `Always`.
    public var rotationPolicy: String?
    /// `PKCS1` or `PKCS8`.
    public var encoding: PrivateKeyEncoding?
    /// `RSA`, `ECDSA` or `Ed25519`.
    public var algorithm: String?
    /// The key size in bits.
    public var size: Int32?
    /// Fields this model does not name, kept in their places for writing back.
    public var preserved: PreservedFields

    /// Creates a value; fields left out stay unset.
    public init(
        rotationPolicy: String? = nil,
        encoding: PrivateKeyEncoding? = nil,
        algorithm: String? = nil,
        size: Int32? = nil,
        preserved: PreservedFields = PreservedFields()
    ) {
        self.rotationPolicy = rotationPolicy
        self.encoding = encoding
        self.algorithm = algorithm
        self.size = size
        self.preserved = preserved
    }

    /// Reads the value from its JSON form.
    public init(json: JSONValue, path: FieldPath) throws(ManifestError) {
        var reader = try ObjectReader(json, path: path)
        rotationPolicy = try reader.string("rotationPolicy")
        encoding = try reader.enumeration("encoding")
        algorithm = try reader.string("algorithm")
        size = try reader.int32("size")
        preserved = reader.preserved()
    }

    /// The JSON form, in the original key order.
    public var json: JSONValue {
        var writer = ObjectWriter()
        writer.set("rotationPolicy", rotationPolicy)
        writer.set("encoding", encoding)
        writer.set("algorithm", algorithm)
        writer.set("size", size)
        return writer.finish(preserved)
    }
}
