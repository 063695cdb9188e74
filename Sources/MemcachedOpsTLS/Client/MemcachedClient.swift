/// A client for memcached's text protocol, over plain TCP or TLS.
///
/// The client runs the commands this package needs (`version`, `get`, `set`, `delete`,
/// `stats settings`, `refresh_certs`) and parses their replies. Over TLS it requires
/// version 1.2 or newer and verifies the server's chain and name unless told otherwise;
/// ``tlsSession`` tells what the server presented.
///
/// All socket work runs on the connection's own dispatch queue, so a slow or silent server
/// never blocks a Swift concurrency thread; every call has a timeout and honours task
/// cancellation. Writes use `MSG_NOSIGNAL`, so a server that goes away never raises
/// SIGPIPE. Calls from several tasks are run one after another, each command with its whole
/// reply.
///
/// ```swift
/// let client = try await MemcachedClient.connect(
///     host: "127.0.0.1", port: 11211,
///     tls: TLSClientConfiguration(trustRoots: .certificates(ca), serverName: "mc.demo.svc"))
/// print(try await client.version())
/// print(client.tlsSession?.serverCertificate?.sha256FingerprintHex ?? "-")
/// await client.close()
/// ```
public final class MemcachedClient: Sendable {
    /// The host dialed.
    public let host: String

    /// The port dialed.
    public let port: Int

    /// What the TLS handshake negotiated and what the server presented; `nil` for a plain
    /// connection.
    public let tlsSession: TLSSessionInfo?

    /// The timeout for each command.
    public let timeout: Duration

    private let connection: Connection

    private init(connection: Connection, tlsSession: TLSSessionInfo?, timeout: Duration) {
        self.host = connection.host
        self.port = connection.port
        self.connection = connection
        self.tlsSession = tlsSession
        self.timeout = timeout
    }

    /// Connects to memcached.
    ///
    /// - Parameters:
    ///   - host: A host name or IP address.
    ///   - port: The TCP port.
    ///   - tls: How to set up TLS, or `nil` for a plain connection.
    ///   - timeout: The limit for connecting and the handshake, and for each later command.
    /// - Returns: The connected client.
    /// - Throws: ``MemcachedClientError``: `hostNotFound`, `connectionRefused`, `timedOut`,
    ///   `handshakeFailed` (with OpenSSL's reason), `verificationFailed` (with the
    ///   ``VerificationFailure``), `invalidConfiguration`, or `cancelled`.
    public static func connect(
        host: String, port: Int, tls: TLSClientConfiguration? = nil,
        timeout: Duration = .seconds(5)
    ) async throws -> MemcachedClient {
        let (connection, session) = try await Connection.open(
            host: host, port: port, tls: tls, timeout: timeout)
        return MemcachedClient(connection: connection, tlsSession: session, timeout: timeout)
    }

    /// The server certificate, when the connection uses TLS.
    public var serverCertificate: Certificate? { tlsSession?.serverCertificate }

    /// Asks the server's version (`version`).
    ///
    /// A round trip also shows that the TLS session works: under TLS 1.3 a server that
    /// rejects the client's certificate says so only on the first read.
    ///
    /// - Returns: The version, such as `1.6.18`.
    /// - Throws: ``MemcachedClientError``.
    public func version() async throws -> String {
        try await connection.perform("version", timeout: timeout) { connection, deadline in
            try connection.write(Array("version\r\n".utf8), "version", deadline)
            let line = try connection.readLine("version", deadline)
            try ReplyParser.checkError(line, "version", connection)
            guard line.hasPrefix("VERSION ") else {
                throw ReplyParser.unexpected(line, "version", connection)
            }
            return String(line.dropFirst("VERSION ".count))
        }
    }

    /// Reads a value (`get`).
    ///
    /// - Parameter key: The key.
    /// - Returns: The value and its flags, or `nil` when the key is not stored.
    /// - Throws: ``MemcachedClientError``, `invalidKey` for a key memcached cannot hold.
    public func get(_ key: String) async throws -> MemcachedItem? {
        let keyBytes = try ReplyParser.validate(key, host: host, port: port, operation: "get")
        return try await connection.perform("get", timeout: timeout) { connection, deadline in
            try connection.write(Array("get ".utf8) + keyBytes + [13, 10], "get", deadline)
            var item: MemcachedItem?
            while true {
                let line = try connection.readLine("get", deadline)
                if line == "END" { return item }
                try ReplyParser.checkError(line, "get", connection)
                guard let header = ReplyParser.valueHeader(line) else {
                    throw ReplyParser.unexpected(line, "get", connection)
                }
                let data = try connection.read(count: header.length + 2, "get", deadline)
                guard data.suffix(2) == [13, 10] else {
                    throw ReplyParser.unexpected("a value without its \\r\\n", "get", connection)
                }
                item = MemcachedItem(value: Array(data.dropLast(2)), flags: header.flags)
            }
        }
    }

    /// Stores a value (`set`), replacing any value under the key.
    ///
    /// - Parameters:
    ///   - key: The key.
    ///   - value: The bytes to store.
    ///   - flags: 32 bits stored beside the value.
    ///   - expiration: Seconds until the value expires (or a Unix time, as memcached
    ///     reads values over 30 days); 0, the default, never expires.
    /// - Throws: ``MemcachedClientError``: `serverError` when the server does not store it
    ///   (such as a value larger than its item size limit), `invalidKey`.
    public func set(
        _ key: String, value: [UInt8], flags: UInt32 = 0, expiration: Int = 0
    ) async throws {
        let keyBytes = try ReplyParser.validate(key, host: host, port: port, operation: "set")
        let header = Array(" \(flags) \(expiration) \(value.count)\r\n".utf8)
        let request = Array("set ".utf8) + keyBytes + header + value + [13, 10]
        try await connection.perform("set", timeout: timeout) { connection, deadline in
            try connection.write(request, "set", deadline)
            let line = try connection.readLine("set", deadline)
            try ReplyParser.checkError(line, "set", connection)
            guard line == "STORED" else {
                if line == "NOT_STORED" {
                    throw connection.failure(.serverError, "set", "the server did not store it")
                }
                throw ReplyParser.unexpected(line, "set", connection)
            }
        }
    }

    /// Removes a value (`delete`).
    ///
    /// - Parameter key: The key.
    /// - Returns: `true` when the key was stored and is now deleted, `false` when it was
    ///   not stored.
    /// - Throws: ``MemcachedClientError``.
    @discardableResult
    public func delete(_ key: String) async throws -> Bool {
        let keyBytes = try ReplyParser.validate(key, host: host, port: port, operation: "delete")
        return try await connection.perform("delete", timeout: timeout) { connection, deadline in
            try connection.write(Array("delete ".utf8) + keyBytes + [13, 10], "delete", deadline)
            let line = try connection.readLine("delete", deadline)
            try ReplyParser.checkError(line, "delete", connection)
            switch line {
            case "DELETED": return true
            case "NOT_FOUND": return false
            default: throw ReplyParser.unexpected(line, "delete", connection)
            }
        }
    }

    /// Reads the server's settings (`stats settings`), such as `ssl_enabled`,
    /// `ssl_chain_cert` and `ssl_verify_mode`.
    ///
    /// - Returns: Each setting's name and value as the server prints them.
    /// - Throws: ``MemcachedClientError``.
    public func statsSettings() async throws -> [String: String] {
        try await connection.perform("stats settings", timeout: timeout) { connection, deadline in
            try connection.write(Array("stats settings\r\n".utf8), "stats settings", deadline)
            var settings: [String: String] = [:]
            while true {
                let line = try connection.readLine("stats settings", deadline)
                if line == "END" { return settings }
                try ReplyParser.checkError(line, "stats settings", connection)
                let parts = line.split(
                    separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
                guard parts.count >= 2, parts[0] == "STAT" else {
                    throw ReplyParser.unexpected(line, "stats settings", connection)
                }
                settings[String(parts[1])] = parts.count == 3 ? String(parts[2]) : ""
            }
        }
    }

    /// Asks the server to reload its certificate and key from the same files
    /// (`refresh_certs`).
    ///
    /// Connections already open keep working and cached data stays. memcached accepts a
    /// certificate that does not match its key and then fails every new handshake, so run
    /// ``ReloadPreflight`` on the files first.
    ///
    /// - Throws: ``MemcachedClientError`` with code `serverError` (and the server's words)
    ///   for any answer other than `OK`.
    public func refreshCertificates() async throws {
        try await connection.perform("refresh_certs", timeout: timeout) { connection, deadline in
            try connection.write(Array("refresh_certs\r\n".utf8), "refresh_certs", deadline)
            let line = try connection.readLine("refresh_certs", deadline)
            guard line == "OK" else {
                try ReplyParser.checkError(line, "refresh_certs", connection)
                throw connection.failure(
                    .serverError, "refresh_certs", "the server refused to reload: \(line)")
            }
        }
    }

    /// Closes the connection. Later commands fail with `connectionClosed`.
    public func close() async {
        _ = try? await connection.perform("close", timeout: .seconds(1)) { connection, _ in
            connection.shutDown(reason: "closed by the client", notifyingPeer: true)
        }
    }
}
