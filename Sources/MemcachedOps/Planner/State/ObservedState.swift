/// What is true now for one `ReconfigureTLS` request: everything the planner needs, and
/// everything a restarted reconciler needs to resume, besides the request itself.
///
/// A transport fills it in from the cluster; ``settled(database:issuers:)`` builds the
/// state of a database at rest, as `mcops plan` assumes without `--state`. The request's
/// own progress is not here: it is the request's `status.conditions`, passed to the
/// planner with the request.
///
/// The JSON form (for `mcops plan --state`) uses these property names as keys; see
/// `Documentation/Planner.md`.
public struct ObservedState: Sendable, Hashable {
    /// The database, with its spec and status: phase, conditions (`Ready`, `Paused`).
    public var database: Memcached
    /// Every Certificate that belongs to the database, wanted or not.
    public var certificates: [ObservedCertificate]
    /// The issuers the database or the request name.
    public var issuers: [ObservedIssuer]
    /// The database's pods in ordinal order, `<db>-0` to `<db>-N-1`; a pod missing from the
    /// list is taken as not ready.
    public var pods: [ObservedPod]
    /// Other unfinished ops requests on the same database, of any type.
    public var otherRequests: [ObservedRequest]

    /// Creates a state.
    ///
    /// - Parameters:
    ///   - database: The database with its status.
    ///   - certificates: Its Certificates.
    ///   - issuers: The issuers the database or the request name.
    ///   - pods: Its pods in ordinal order.
    ///   - otherRequests: Other unfinished ops requests on it.
    public init(
        database: Memcached,
        certificates: [ObservedCertificate] = [],
        issuers: [ObservedIssuer] = [],
        pods: [ObservedPod] = [],
        otherRequests: [ObservedRequest] = []
    ) {
        self.database = database
        self.certificates = certificates
        self.issuers = issuers
        self.pods = pods
        self.otherRequests = otherRequests
    }

    /// Whether the database's status has a `Paused` condition that is `True`.
    public var isDatabasePaused: Bool {
        database.status?.conditions?.isTrue("Paused") ?? false
    }

    /// The certificate with the given name.
    ///
    /// - Parameter name: The Certificate's (and secret's) name.
    /// - Returns: The observation, or `nil` when none has that name.
    public func certificate(named name: String) -> ObservedCertificate? {
        certificates.first { $0.name == name }
    }

    /// The issuer a reference names, if it was observed.
    ///
    /// - Parameter reference: An `issuerRef`.
    /// - Returns: The observation with the same kind and name, or `nil`.
    public func issuer(_ reference: TypedLocalObjectReference) -> ObservedIssuer? {
        issuers.first { $0.matches(reference) }
    }

    /// The pod with the given name.
    ///
    /// - Parameter name: The pod's name.
    /// - Returns: The observation, or `nil` when none has that name.
    public func pod(named name: String) -> ObservedPod? {
        pods.first { $0.name == name }
    }
}

extension ObservedState: Codable {
    private enum CodingKeys: String, CodingKey {
        case database, certificates, issuers, pods, otherRequests
    }

    /// Decodes a state; every list but `database` may be left out.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        database = try container.decode(Memcached.self, forKey: .database)
        certificates =
            try container.decodeIfPresent([ObservedCertificate].self, forKey: .certificates)
            ?? []
        issuers = try container.decodeIfPresent([ObservedIssuer].self, forKey: .issuers) ?? []
        pods = try container.decodeIfPresent([ObservedPod].self, forKey: .pods) ?? []
        otherRequests =
            try container.decodeIfPresent([ObservedRequest].self, forKey: .otherRequests) ?? []
    }
}
