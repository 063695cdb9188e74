/// What is true now about one cert-manager issuer.
///
/// An issuer the certificates need and that is absent from ``ObservedState/issuers``, or
/// listed with ``exists`` `false`, blocks the plan as missing.
public struct ObservedIssuer: Sendable, Hashable {
    /// `Issuer` or `ClusterIssuer`.
    public var kind: String
    /// The issuer's name.
    public var name: String
    /// Whether the issuer exists.
    public var exists: Bool
    /// Whether its `Ready` condition is `True`.
    public var ready: Bool

    /// Creates an observation.
    ///
    /// - Parameters:
    ///   - kind: `Issuer` or `ClusterIssuer`.
    ///   - name: The issuer's name.
    ///   - exists: Whether the issuer exists.
    ///   - ready: Whether it is `Ready`.
    public init(kind: String = "Issuer", name: String, exists: Bool = true, ready: Bool) {
        self.kind = kind
        self.name = name
        self.exists = exists
        self.ready = ready
    }

    /// Creates an observation from a cert-manager issuer object.
    ///
    /// - Parameter issuer: The `Issuer` or `ClusterIssuer`, with its status.
    public init(_ issuer: Issuer) {
        self.init(kind: issuer.kind, name: issuer.metadata.name ?? "", ready: issuer.isReady)
    }

    /// Whether this observation is of the issuer a reference names (by kind and name).
    public func matches(_ reference: TypedLocalObjectReference) -> Bool {
        name == reference.name && kind == reference.kind
    }
}

extension ObservedIssuer: Codable {
    private enum CodingKeys: String, CodingKey {
        case kind, name, exists, ready
    }

    /// Decodes an observation; `kind` defaults to `Issuer`, `exists` to `true`, `ready` to
    /// `false`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        kind = try container.decodeIfPresent(String.self, forKey: .kind) ?? "Issuer"
        name = try container.decode(String.self, forKey: .name)
        exists = try container.decodeIfPresent(Bool.self, forKey: .exists) ?? true
        ready = try container.decodeIfPresent(Bool.self, forKey: .ready) ?? false
    }
}
