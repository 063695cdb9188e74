/// A Kubernetes `Secret` (`v1`), such as the `kubernetes.io/tls` secret of a certificate.
///
/// Its values never appear in descriptions, dumps or error messages: printing a secret
/// shows its name, type and keys only.
public struct Secret: JSONRepresentable {
    /// Always `v1`.
    public var apiVersion: String
    /// Always `Secret`.
    public var kind: String
    /// Name, namespace, labels and annotations.
    public var metadata: ObjectMeta
    /// The secret's type, such as `kubernetes.io/tls`.
    public var type: String?
    /// Base64-encoded values by key.
    public var data: StringMap?
    /// Plain-text values by key, which the API server merges into ``data``.
    public var stringData: StringMap?
    /// Whether the secret may no longer change.
    public var immutable: Bool?
    /// Fields this model does not name, kept in their places for writing back.
    public var preserved: PreservedFields

    /// The type of a TLS secret.
    public static let tlsType = "kubernetes.io/tls"
    /// The key of the CA certificate in a TLS secret.
    public static let caCertificateKey = "ca.crt"
    /// The key of the certificate in a TLS secret.
    public static let certificateKey = "tls.crt"
    /// The key of the private key in a TLS secret.
    public static let privateKeyKey = "tls.key"

    /// Creates a secret object.
    public init(
        metadata: ObjectMeta, type: String? = nil, data: StringMap? = nil,
        stringData: StringMap? = nil
    ) {
        self.apiVersion = "v1"
        self.kind = "Secret"
        self.metadata = metadata
        self.type = type
        self.data = data
        self.stringData = stringData
        self.immutable = nil
        self.preserved = PreservedFields()
    }

    /// Reads the object from its JSON form; errors never quote its values.
    public init(json: JSONValue, path: FieldPath) throws(ManifestError) {
        var reader = try ObjectReader(json, path: path)
        (apiVersion, kind, metadata) = try reader.resourceHeader()
        type = try reader.string("type")
        data = try reader.sensitiveStringMap("data")
        stringData = try reader.sensitiveStringMap("stringData")
        immutable = try reader.bool("immutable")
        preserved = reader.preserved()
    }

    /// The JSON form, in the original key order.
    public var json: JSONValue {
        var writer = ObjectWriter()
        writer.setHeader(apiVersion: apiVersion, kind: kind, metadata: metadata)
        writer.set("type", type)
        writer.set("data", data)
        writer.set("stringData", stringData)
        writer.set("immutable", immutable)
        return writer.finish(preserved)
    }

    /// Whether this is a `kubernetes.io/tls` secret.
    public var isTLS: Bool { type == Self.tlsType }

    /// The keys the secret holds, from ``data`` and ``stringData``, without their values.
    public var keys: [String] {
        var keys = data?.keys ?? []
        for key in stringData?.keys ?? [] where !keys.contains(key) { keys.append(key) }
        return keys
    }
}

extension Secret: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The name, type and keys; never the values.
    public var description: String {
        let name = "\(metadata.namespace ?? "default")/\(metadata.name ?? "")"
        return "Secret(\(name), type: \(type ?? "Opaque"), keys: \(keys))"
    }

    /// The same as ``description``.
    public var debugDescription: String { description }

    /// A mirror that shows no values, so `dump` cannot print them.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: ["metadata": metadata, "type": type as Any, "keys": keys],
            displayStyle: .struct)
    }
}
