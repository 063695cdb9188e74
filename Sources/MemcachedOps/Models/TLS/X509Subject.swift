/// The subject fields of an X.509 certificate, as KubeDB and cert-manager spell them.
public struct X509Subject: JSONRepresentable {
    /// Organizations (O).
    public var organizations: [String]?
    /// Countries (C).
    public var countries: [String]?
    /// Organizational units (OU).
    public var organizationalUnits: [String]?
    /// Localities (L).
    public var localities: [String]?
    /// States or provinces (ST).
    public var provinces: [String]?
    /// Street addresses.
    public var streetAddresses: [String]?
    /// Postal codes.
    public var postalCodes: [String]?
    /// The subject's serial number attribute.
    public var serialNumber: String?
    /// Fields this model does not name, kept in their places for writing back.
    public var preserved: PreservedFields

    /// Creates a value; fields left out stay unset.
    public init(
        organizations: [String]? = nil,
        countries: [String]? = nil,
        organizationalUnits: [String]? = nil,
        localities: [String]? = nil,
        provinces: [String]? = nil,
        streetAddresses: [String]? = nil,
        postalCodes: [String]? = nil,
        serialNumber: String? = nil,
        preserved: PreservedFields = PreservedFields()
    ) {
        self.organizations = organizations
        self.countries = countries
        self.organizationalUnits = organizationalUnits
        self.localities = localities
        self.provinces = provinces
        self.streetAddresses = streetAddresses
        self.postalCodes = postalCodes
        self.serialNumber = serialNumber
        self.preserved = preserved
    }

    /// Reads the value from its JSON form.
    public init(json: JSONValue, path: FieldPath) throws(ManifestError) {
        var reader = try ObjectReader(json, path: path)
        organizations = try reader.strings("organizations")
        countries = try reader.strings("countries")
        organizationalUnits = try reader.strings("organizationalUnits")
        localities = try reader.strings("localities")
        provinces = try reader.strings("provinces")
        streetAddresses = try reader.strings("streetAddresses")
        postalCodes = try reader.strings("postalCodes")
        serialNumber = try reader.string("serialNumber")
        preserved = reader.preserved()
    }

    /// The JSON form, in the original key order.
    public var json: JSONValue {
        var writer = ObjectWriter()
        writer.set("organizations", organizations)
        writer.set("countries", countries)
        writer.set("organizationalUnits", organizationalUnits)
        writer.set("localities", localities)
        writer.set("provinces", provinces)
        writer.set("streetAddresses", streetAddresses)
        writer.set("postalCodes", postalCodes)
        writer.set("serialNumber", serialNumber)
        return writer.finish(preserved)
    }
}
