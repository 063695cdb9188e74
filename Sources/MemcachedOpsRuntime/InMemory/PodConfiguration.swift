/// What a pod runs: TLS or not, the server certificate it presents, and the fingerprint of
/// every certificate its configuration loaded.
struct PodConfiguration: Sendable, Hashable {
    /// Whether memcached runs with TLS on.
    var servesTLS: Bool
    /// The served server certificate's fingerprint.
    var fingerprint: String?
    /// The Certificates (secret names) memcached and the exporter load.
    var mounted: [String]
    /// Every certificate of the configuration (the client's too), by name, with the
    /// fingerprint it had when loaded: two configurations are the same only when they load
    /// the same issued certificates.
    var loaded: [String: String]

    /// No TLS at all.
    static let plaintext = PodConfiguration(
        servesTLS: false, fingerprint: nil, mounted: [], loaded: [:])
}
