/// A model that is read from and written to the JSON form of a Kubernetes object.
///
/// Every model of this package conforms. Reading checks every field the model names and
/// reports the first problem with its field path; fields the model does not name are kept,
/// in their places, and written back unchanged.
public protocol JSONRepresentable: Sendable, Hashable, Codable {
    /// Reads a value from its JSON form.
    ///
    /// - Parameters:
    ///   - json: The JSON form.
    ///   - path: Where `json` sits in its document; errors are reported under it.
    /// - Throws: ``ManifestError`` naming the field that is wrong and what was expected.
    init(json: JSONValue, path: FieldPath) throws(ManifestError)

    /// The JSON form of the value, with the original key order and unnamed fields kept.
    var json: JSONValue { get }
}

extension JSONRepresentable {
    /// Reads a value from its JSON form, reporting problems from the document's root.
    ///
    /// - Parameter json: The JSON form.
    /// - Throws: ``ManifestError`` naming the field that is wrong.
    public init(json: JSONValue) throws(ManifestError) {
        try self.init(json: json, path: .root)
    }

    /// Decodes through any `Decoder`, such as Foundation's `JSONDecoder`.
    ///
    /// Foundation's decoders do not report key order, so prefer ``JSONReader`` and the
    /// YAML reader to keep it.
    public init(from decoder: any Decoder) throws {
        let value = try JSONValue(from: decoder)
        try self.init(json: value, path: FieldPath(codingPath: decoder.codingPath))
    }

    /// Encodes through any `Encoder`, such as Foundation's `JSONEncoder`.
    public func encode(to encoder: any Encoder) throws {
        try json.encode(to: encoder)
    }
}
