/// What a TLS connection negotiated, and what the server presented.
public struct TLSSessionInfo: Sendable, Hashable {
    /// The protocol version, such as `TLSv1.3`.
    public let protocolVersion: String

    /// The cipher suite, such as `TLS_AES_256_GCM_SHA384`.
    public let cipherSuite: String

    /// The certificates the server presented: its own first, then any intermediates.
    public let serverCertificateChain: [Certificate]

    /// Whether the client verified the server's chain and name during the handshake.
    public let isServerVerified: Bool

    /// The server's own certificate.
    public var serverCertificate: Certificate? { serverCertificateChain.first }
}
