/// Another ops request on the same database, of any type, that has not ended.
///
/// A request holds the database while it is `Progressing`; before the planned request has
/// started, any other unfinished request created earlier holds it too, so requests run in
/// the order they were created.
public struct ObservedRequest: Sendable, Hashable {
    /// The request's name.
    public var name: String
    /// Its `spec.type`, such as `ReconfigureTLS` or `HorizontalScaling`.
    public var type: OpsRequestType?
    /// Its `status.phase`.
    public var phase: OpsRequestPhase?
    /// When it was created.
    public var creationTimestamp: Timestamp?

    /// Creates an observation.
    ///
    /// - Parameters:
    ///   - name: The request's name.
    ///   - type: Its `spec.type`.
    ///   - phase: Its `status.phase`.
    ///   - creationTimestamp: When it was created.
    public init(
        name: String, type: OpsRequestType? = nil, phase: OpsRequestPhase? = nil,
        creationTimestamp: Timestamp? = nil
    ) {
        self.name = name
        self.type = type
        self.phase = phase
        self.creationTimestamp = creationTimestamp
    }

    /// Creates an observation from a request object.
    ///
    /// - Parameter request: The other ops request.
    public init(_ request: MemcachedOpsRequest) {
        self.init(
            name: request.name, type: request.spec.type, phase: request.status?.phase,
            creationTimestamp: request.metadata.creationTimestamp)
    }

    /// Whether the request has ended: `Successful`, `Failed`, `Denied` or `Skipped`.
    public var hasEnded: Bool { phase.map(OpsRequestPhase.endPhases.contains) ?? false }
}

extension OpsRequestPhase {
    /// The phases in which a request has ended.
    static let endPhases: Set<OpsRequestPhase> = [.successful, .failed, .denied, .skipped]
}

extension ObservedRequest: Codable {
    private enum CodingKeys: String, CodingKey {
        case name, type, phase, creationTimestamp
    }

    /// Decodes an observation; `creationTimestamp` is an RFC 3339 time.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        type = try container.decodeIfPresent(String.self, forKey: .type).map(OpsRequestType.init)
        phase = try container.decodeIfPresent(String.self, forKey: .phase).map(
            OpsRequestPhase.init)
        creationTimestamp = try container.decodePlannerTimestamp(forKey: .creationTimestamp)
    }

    /// Encodes the observation, leaving out unset fields.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encodeIfPresent(type?.rawValue, forKey: .type)
        try container.encodeIfPresent(phase?.rawValue, forKey: .phase)
        try container.encodeIfPresent(creationTimestamp?.text, forKey: .creationTimestamp)
    }
}

extension KeyedDecodingContainer {
    /// An optional RFC 3339 time stored as a string.
    func decodePlannerTimestamp(forKey key: Key) throws -> Timestamp? {
        guard let text = try decodeIfPresent(String.self, forKey: key) else { return nil }
        guard let time = Timestamp(text) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self,
                debugDescription: "expected an RFC 3339 time such as \"2024-11-15T11:10:37Z\"")
        }
        return time
    }
}
