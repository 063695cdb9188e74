/// What is true now about one pod of the database.
public struct ObservedPod: Sendable, Hashable {
    /// The pod's name, `<db>-<ordinal>`.
    public var name: String
    /// Whether the pod exists and is ready.
    public var ready: Bool
    /// Whether the pod runs memcached with TLS on.
    public var servesTLS: Bool
    /// The SHA-256 fingerprint of the server certificate the pod presents, as lowercase hex;
    /// `nil` without TLS.
    public var fingerprint: String?
    /// The configuration the pod runs: the Certificates (secret names) its memcached and
    /// exporter load. A certificate listed here is in use and is never deleted.
    public var mountedCertificates: [String]

    /// Creates an observation.
    ///
    /// - Parameters:
    ///   - name: The pod's name.
    ///   - ready: Whether it exists and is ready.
    ///   - servesTLS: Whether it runs with TLS on.
    ///   - fingerprint: The served server certificate's SHA-256 fingerprint.
    ///   - mountedCertificates: The Certificates (secret names) its configuration loads.
    public init(
        name: String, ready: Bool, servesTLS: Bool = false, fingerprint: String? = nil,
        mountedCertificates: [String] = []
    ) {
        self.name = name
        self.ready = ready
        self.servesTLS = servesTLS
        self.fingerprint = fingerprint
        self.mountedCertificates = mountedCertificates
    }

    /// Whether the pod uses a certificate: loads it, or presents its fingerprint.
    ///
    /// - Parameter certificate: The observed certificate.
    /// - Returns: `true` when the pod's configuration names it, or the pod serves TLS with
    ///   its fingerprint.
    public func uses(_ certificate: ObservedCertificate) -> Bool {
        if mountedCertificates.contains(certificate.name) { return true }
        guard servesTLS, let fingerprint, let issued = certificate.fingerprint else {
            return false
        }
        return fingerprint == issued
    }
}

extension ObservedPod: Codable {
    private enum CodingKeys: String, CodingKey {
        case name, ready, servesTLS, fingerprint, mountedCertificates
    }

    /// Decodes an observation; `ready` and `servesTLS` default to `false`,
    /// `mountedCertificates` to none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        ready = try container.decodeIfPresent(Bool.self, forKey: .ready) ?? false
        servesTLS = try container.decodeIfPresent(Bool.self, forKey: .servesTLS) ?? false
        fingerprint = try container.decodeIfPresent(String.self, forKey: .fingerprint)
        mountedCertificates =
            try container.decodeIfPresent([String].self, forKey: .mountedCertificates) ?? []
    }
}
