/// How an issuer signs: a CA, self-signing, ACME, Vault or Venafi.
public struct IssuerSpec: JSONRepresentable {
    /// A CA issuer.
    public var ca: CAIssuer?
    /// A self-signing issuer.
    public var selfSigned: JSONObject?
    /// An ACME issuer, kept as JSON.
    public var acme: JSONValue?
    /// A Vault issuer, kept as JSON.
    public var vault: JSONValue?
    /// A Venafi issuer, kept as JSON.
    public var venafi: JSONValue?
    /// Fields this model does not name, kept in their places for writing back.
    public var preserved: PreservedFields

    /// Creates a value; fields left out stay unset.
    public init(
        ca: CAIssuer? = nil,
        selfSigned: JSONObject? = nil,
        acme: JSONValue? = nil,
        vault: JSONValue? = nil,
        venafi: JSONValue? = nil,
        preserved: PreservedFields = PreservedFields()
    ) {
        self.ca = ca
        self.selfSigned = selfSigned
        self.acme = acme
        self.vault = vault
        self.venafi = venafi
        self.preserved = preserved
    }

    /// Reads the value from its JSON form.
    public init(json: JSONValue, path: FieldPath) throws(ManifestError) {
        var reader = try ObjectReader(json, path: path)
        ca = try reader.model("ca")
        selfSigned = try reader.rawObject("selfSigned")
        acme = reader.raw("acme")
        vault = reader.raw("vault")
        venafi = reader.raw("venafi")
        preserved = reader.preserved()
    }

    /// The JSON form, in the original key order.
    public var json: JSONValue {
        var writer = ObjectWriter()
        writer.set("ca", ca)
        writer.set("selfSigned", selfSigned)
        writer.set("acme", acme)
        writer.set("vault", vault)
        writer.set("venafi", venafi)
        return writer.finish(preserved)
    }
}
