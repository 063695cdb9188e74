/// One Kubernetes object this package reads, chosen by its `apiVersion` and `kind`.
///
/// | apiVersion | kind |
/// |---|---|
/// | `kubedb.com/v1`, `kubedb.com/v1alpha2` | `Memcached` |
/// | `ops.kubedb.com/v1alpha1` | `MemcachedOpsRequest` |
/// | `cert-manager.io/v1` | `Issuer`, `ClusterIssuer`, `Certificate` |
/// | `v1` | `Secret` |
public enum Manifest: Sendable, Hashable {
    /// A Memcached database.
    case memcached(Memcached)
    /// A MemcachedOpsRequest.
    case opsRequest(MemcachedOpsRequest)
    /// A cert-manager `Issuer` or `ClusterIssuer`.
    case issuer(Issuer)
    /// A cert-manager `Certificate`.
    case certificate(Certificate)
    /// A Kubernetes `Secret`.
    case secret(Secret)

    /// The kinds this package reads, each with its API versions.
    public static let supportedKinds: [(kind: String, apiVersions: [String])] = [
        ("Memcached", [Memcached.apiVersionV1, Memcached.apiVersionV1Alpha2]),
        ("MemcachedOpsRequest", [MemcachedOpsRequest.apiVersionV1Alpha1]),
        ("Issuer", [Issuer.apiVersionV1]),
        ("ClusterIssuer", [Issuer.apiVersionV1]),
        ("Certificate", [Issuer.apiVersionV1]),
        ("Secret", ["v1"]),
    ]

    /// Reads an object, choosing its type by `apiVersion` and `kind`.
    ///
    /// - Throws: ``ManifestError`` with code `unsupportedKind` naming the `apiVersion` and
    ///   `kind` when they name no type this package reads, or the first field problem.
    public init(json: JSONValue, path: FieldPath = .root) throws(ManifestError) {
        guard case .object(let object) = json else {
            throw .typeMismatch(expected: "an object", found: json, at: path)
        }
        guard case .string(let apiVersion)? = object["apiVersion"] else {
            throw Self.headerProblem(object["apiVersion"], key: "apiVersion", path: path)
        }
        guard case .string(let kind)? = object["kind"] else {
            throw Self.headerProblem(object["kind"], key: "kind", path: path)
        }
        guard let versions = Self.supportedKinds.first(where: { $0.kind == kind })?.apiVersions
        else {
            let known = Self.supportedKinds.map(\.kind).joined(separator: ", ")
            throw ManifestError(
                .unsupportedKind, path: path.appending("kind"),
                message: "kind \"\(kind)\" (apiVersion \"\(apiVersion)\") is not a kind this "
                    + "package reads; expected one of \(known)")
        }
        guard versions.contains(apiVersion) else {
            let list = versions.map { "\"\($0)\"" }.joined(separator: " or ")
            throw ManifestError(
                .unsupportedKind, path: path.appending("apiVersion"),
                message: "apiVersion \"\(apiVersion)\" is not supported for kind \"\(kind)\"; "
                    + "expected \(list)")
        }
        switch kind {
        case "Memcached": self = .memcached(try Memcached(json: json, path: path))
        case "MemcachedOpsRequest":
            self = .opsRequest(try MemcachedOpsRequest(json: json, path: path))
        case "Issuer", "ClusterIssuer": self = .issuer(try Issuer(json: json, path: path))
        case "Certificate": self = .certificate(try Certificate(json: json, path: path))
        default: self = .secret(try Secret(json: json, path: path))
        }
    }

    /// The object's JSON form, in the original key order.
    public var json: JSONValue {
        switch self {
        case .memcached(let value): return value.json
        case .opsRequest(let value): return value.json
        case .issuer(let value): return value.json
        case .certificate(let value): return value.json
        case .secret(let value): return value.json
        }
    }

    /// The object's `kind`.
    public var kind: String {
        switch self {
        case .memcached(let value): return value.kind
        case .opsRequest(let value): return value.kind
        case .issuer(let value): return value.kind
        case .certificate(let value): return value.kind
        case .secret(let value): return value.kind
        }
    }

    /// The object's metadata.
    public var metadata: ObjectMeta {
        switch self {
        case .memcached(let value): return value.metadata
        case .opsRequest(let value): return value.metadata
        case .issuer(let value): return value.metadata
        case .certificate(let value): return value.metadata
        case .secret(let value): return value.metadata
        }
    }

    private static func headerProblem(_ value: JSONValue?, key: String, path: FieldPath)
        -> ManifestError
    {
        guard let value, !value.isNull else {
            return ManifestError(
                .missingField, path: path.appending(key),
                message: "required field is missing; every manifest needs apiVersion and kind")
        }
        return .typeMismatch(expected: "a string", found: value, at: path.appending(key))
    }
}
