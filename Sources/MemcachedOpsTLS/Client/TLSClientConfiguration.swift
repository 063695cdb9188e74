/// How a ``MemcachedClient`` sets up TLS.
///
/// By default the client requires TLS 1.2 or newer and verifies the server's chain against
/// the system's CAs and the server's name against the host it dials. Pass the CA clients
/// use as ``trustRoots``; set ``serverName`` when dialing an address the certificate does
/// not name; add a ``clientIdentity`` for a server that asks for client certificates.
public struct TLSClientConfiguration: Sendable {
    /// The lowest TLS version the client accepts.
    public enum MinimumVersion: String, Sendable, Hashable, CaseIterable {
        /// TLS 1.2, the default.
        case tls12 = "TLSv1.2"
        /// TLS 1.3.
        case tls13 = "TLSv1.3"
    }

    /// A client certificate and its key, for servers that ask for one.
    public struct ClientIdentity: Sendable {
        /// The client certificate followed by any intermediates.
        public var certificateChain: [Certificate]
        /// The client certificate's key.
        public var privateKey: PrivateKey

        /// Creates an identity.
        ///
        /// - Parameters:
        ///   - certificateChain: The certificate, then any intermediates; not empty.
        ///   - privateKey: The certificate's key.
        public init(certificateChain: [Certificate], privateKey: PrivateKey) {
            self.certificateChain = certificateChain
            self.privateKey = privateKey
        }
    }

    /// The CAs that may have issued the server's certificate.
    public var trustRoots: TrustRoots

    /// Whether to verify the server's chain and name; `true` by default. Turning it off
    /// still records the certificate the server presents, for inspection.
    public var verifiesServer: Bool

    /// The name to verify the server's certificate against and to send as SNI, when it is
    /// not the host dialed (for example dialing `127.0.0.1` for `mc.demo.svc`).
    public var serverName: String?

    /// The client certificate and key, if the server requires one.
    public var clientIdentity: ClientIdentity?

    /// The lowest TLS version accepted.
    public var minimumVersion: MinimumVersion

    /// Creates a configuration.
    ///
    /// - Parameters:
    ///   - trustRoots: The CAs to trust; the system's by default.
    ///   - verifiesServer: Whether to verify the server; `true` by default.
    ///   - serverName: The name to verify instead of the host dialed.
    ///   - clientIdentity: A client certificate and key.
    ///   - minimumVersion: The lowest TLS version; 1.2 by default.
    public init(
        trustRoots: TrustRoots = .system,
        verifiesServer: Bool = true,
        serverName: String? = nil,
        clientIdentity: ClientIdentity? = nil,
        minimumVersion: MinimumVersion = .tls12
    ) {
        self.trustRoots = trustRoots
        self.verifiesServer = verifiesServer
        self.serverName = serverName
        self.clientIdentity = clientIdentity
        self.minimumVersion = minimumVersion
    }
}
