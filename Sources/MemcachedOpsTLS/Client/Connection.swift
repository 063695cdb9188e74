import COpenSSL
import COpenSSLShims
import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A connected socket, plain or TLS, with a read buffer, driven from its own serial queue.
///
/// All blocking work (poll, read, write, the handshake) runs on ``queue``, never on a Swift
/// concurrency executor thread; callers await ``perform(_:timeout:_:)``.
///
/// `@unchecked Sendable` is safe because every mutable property (the socket, the `SSL`,
/// the buffer, the state) is touched only from ``queue``, which runs one work item at a
/// time, and from `deinit`, which runs after the last work item has released the object.
final class Connection: @unchecked Sendable {
    /// The host dialed, for messages.
    let host: String
    /// The port dialed, for messages.
    let port: Int
    /// The serial queue all I/O runs on.
    let queue: DispatchQueue

    private var fd: Int32
    private var ssl: OpaquePointer?
    private var buffer: [UInt8] = []
    private var closedReason: String?

    /// Takes ownership of the connected socket `fd`.
    init(fd: Int32, host: String, port: Int, queue: DispatchQueue) {
        self.fd = fd
        self.host = host
        self.port = port
        self.queue = queue
    }

    deinit {
        if let ssl { SSL_free(ssl) }
        if fd >= 0 { close(fd) }
    }

    /// Opens a connection on a new queue: TCP, then TLS when `tls` is given.
    static func open(
        host: String, port: Int, tls: TLSClientConfiguration?, timeout: Duration
    ) async throws -> (Connection, TLSSessionInfo?) {
        let queue = DispatchQueue(label: "mcops.memcached.\(host):\(port)")
        let flag = CancellationFlag()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                queue.async {
                    let deadline = Deadline(after: timeout, cancellation: flag)
                    continuation.resume(
                        with: Result { () throws(MemcachedClientError) in
                            let fd = try SocketConnector.connect(
                                host: host, port: port, deadline: deadline)
                            let connection = Connection(
                                fd: fd, host: host, port: port, queue: queue)
                            let info = try tls.map { configuration throws(MemcachedClientError) in
                                try connection.startTLS(configuration, deadline: deadline)
                            }
                            return (connection, info)
                        })
                }
            }
        } onCancel: {
            flag.cancel()
        }
    }

    /// Runs `body` on the connection's queue with a deadline `timeout` from when it starts.
    ///
    /// A failure that leaves the stream in an unknown state (a timeout, an I/O or TLS
    /// error, an unexpected reply) closes the connection; later calls fail with
    /// `connectionClosed`.
    func perform<Value: Sendable>(
        _ operation: String,
        timeout: Duration,
        _ body: @escaping @Sendable (Connection, Deadline) throws -> Value
    ) async throws -> Value {
        let flag = CancellationFlag()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                queue.async {
                    let deadline = Deadline(after: timeout, cancellation: flag)
                    continuation.resume(with: Result { try self.run(operation, deadline, body) })
                }
            }
        } onCancel: {
            flag.cancel()
        }
    }

    private func run<Value>(
        _ operation: String, _ deadline: Deadline,
        _ body: (Connection, Deadline) throws -> Value
    ) throws -> Value {
        if let closedReason {
            throw failure(
                .connectionClosed, operation, "the connection is closed (\(closedReason))")
        }
        do {
            return try body(self, deadline)
        } catch {
            // A reply that is an error leaves the stream in step; anything else may not.
            let keepsStream: Set<MemcachedClientError.Code> = [
                .invalidKey, .unknownCommand, .clientError, .serverError,
            ]
            let code = (error as? MemcachedClientError)?.code ?? .ioFailure
            if !keepsStream.contains(code) {
                shutDown(reason: "\(operation) failed: \(code)")
            }
            throw error
        }
    }

    /// Closes the connection for good: a TLS close notification when `notifyingPeer` (the
    /// session must be intact, so never after a failure), then the socket. The socket and
    /// the `SSL` are freed in `deinit`.
    func shutDown(reason: String, notifyingPeer: Bool = false) {
        guard closedReason == nil else { return }
        closedReason = reason
        if notifyingPeer, let ssl {
            _ = SSL_shutdown(ssl)
            OpenSSLErrorQueue.clear()
        }
        if fd >= 0 {
            _ = shutdown(fd, Int32(SHUT_RDWR))
        }
    }

    /// An error about this connection.
    func failure(
        _ code: MemcachedClientError.Code, _ operation: String, _ detail: String,
        verificationFailure: VerificationFailure? = nil, openSSLErrors: [String] = []
    ) -> MemcachedClientError {
        MemcachedClientError(
            code, host: host, port: port, operation: operation, detail: detail,
            verificationFailure: verificationFailure, openSSLErrors: openSSLErrors)
    }
}

// MARK: - TLS

extension Connection {
    /// Performs the TLS handshake on the connected socket.
    fileprivate func startTLS(
        _ configuration: TLSClientConfiguration, deadline: Deadline
    ) throws(MemcachedClientError) -> TLSSessionInfo {
        let operation = "TLS handshake"
        OpenSSLErrorQueue.clear()
        // Connections with the same settings share one context (see `TLSContextCache`);
        // this connection's reference is freed once its `SSL` holds its own.
        let context = try TLSContextCache.shared.context(for: configuration) {
            () throws(MemcachedClientError) -> OpaquePointer in
            try TLSContextFactory.make(configuration) { code, detail in
                failure(code, operation, detail, openSSLErrors: OpenSSLErrorQueue.drain())
            }
        }
        defer { SSL_CTX_free(context) }

        guard let ssl = SSL_new(context) else {
            throw failure(
                .handshakeFailed, operation, "cannot make an SSL object",
                openSSLErrors: OpenSSLErrorQueue.drain())
        }
        self.ssl = ssl
        guard let bio = mcops_BIO_new_nosigpipe_socket(fd) else {
            throw failure(
                .handshakeFailed, operation, "cannot make a socket BIO",
                openSSLErrors: OpenSSLErrorQueue.drain())
        }
        SSL_set_bio(ssl, bio, bio)

        let name = configuration.serverName ?? host
        try configureName(ssl, name, verifies: configuration.verifiesServer, operation)
        SSL_set_connect_state(ssl)

        do {
            while true {
                let result = SSL_connect(ssl)
                if result == 1 { break }
                try handleTLSResult(result, operation, deadline: deadline, handshake: true)
            }
        } catch  where error.code == .verificationFailed {
            throw refine(error, ssl, configuration.trustRoots, name)
        }
        return sessionInfo(ssl, verified: configuration.verifiesServer)
    }

    /// OpenSSL reports only its first verification error, without saying which
    /// certificate; verifying the presented chain again finds which one failed and why.
    private func refine(
        _ error: MemcachedClientError, _ ssl: OpaquePointer, _ trustRoots: TrustRoots,
        _ name: String
    ) -> MemcachedClientError {
        let chain = sessionInfo(ssl, verified: false).serverCertificateChain
        let result = CertificateVerifier(trustRoots: trustRoots).verify(chain, hosts: [name])
        guard let wanted = error.verificationFailure?.reason,
            let precise = result.failures.first(where: { $0.reason == wanted })
        else { return error }
        return failure(
            .verificationFailed, error.operation, precise.description,
            verificationFailure: precise, openSSLErrors: error.openSSLErrors)
    }

    private func configureName(
        _ ssl: OpaquePointer, _ name: String, verifies: Bool, _ operation: String
    ) throws(MemcachedClientError) {
        let isAddress = IPAddress.isAddress(name)
        if !isAddress && mcops_SSL_set_tlsext_host_name(ssl, name) != 1 {
            throw failure(
                .invalidConfiguration, operation, "cannot send the server name \(name)",
                openSSLErrors: OpenSSLErrorQueue.drain())
        }
        guard verifies else { return }
        let named =
            isAddress
            ? X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), name)
            : SSL_set1_host(ssl, name)
        guard named == 1 else {
            throw failure(
                .invalidConfiguration, operation, "cannot verify against \(name)",
                openSSLErrors: OpenSSLErrorQueue.drain())
        }
    }

    private func sessionInfo(_ ssl: OpaquePointer, verified: Bool) -> TLSSessionInfo {
        var chain: [Certificate] = []
        if let stack = SSL_get_peer_cert_chain(ssl) {
            for index in 0..<mcops_sk_X509_num(stack) {
                guard let pointer = mcops_sk_X509_value(stack, index),
                    let handle = X509Handle.retaining(pointer),
                    let certificate = try? Certificate(handle: handle)
                else { continue }
                chain.append(certificate)
            }
        }
        let version = SSL_get_version(ssl).map { String(cString: $0) } ?? "unknown"
        let cipher =
            SSL_get_current_cipher(ssl).flatMap { SSL_CIPHER_get_name($0) }
            .map { String(cString: $0) } ?? "unknown"
        OpenSSLErrorQueue.clear()
        return TLSSessionInfo(
            protocolVersion: version, cipherSuite: cipher, serverCertificateChain: chain,
            isServerVerified: verified)
    }

    /// Handles a non-positive result of `SSL_connect`, `SSL_read` or `SSL_write`: waits
    /// for the socket when OpenSSL wants it, throws otherwise.
    private func handleTLSResult(
        _ result: Int32, _ operation: String, deadline: Deadline, handshake: Bool
    ) throws(MemcachedClientError) {
        guard let ssl else {
            throw failure(.connectionClosed, operation, "the connection is closed")
        }
        let savedErrno = errno
        let code = SSL_get_error(ssl, result)
        switch code {
        case SSL_ERROR_WANT_READ:
            try wait(for: Int16(POLLIN), operation, deadline)
        case SSL_ERROR_WANT_WRITE:
            try wait(for: Int16(POLLOUT), operation, deadline)
        case SSL_ERROR_ZERO_RETURN:
            throw failure(.connectionClosed, operation, "the server closed the TLS session")
        default:
            let errors = OpenSSLErrorQueue.drain()
            let verifyResult = Int32(truncatingIfNeeded: SSL_get_verify_result(ssl))
            if handshake && verifyResult != X509_V_OK {
                let peer = SSL_get0_peer_certificate(ssl)
                    .flatMap(X509Handle.retaining)
                    .flatMap { try? Certificate(handle: $0) }
                let reason = VerificationCollector.failure(
                    code: verifyResult, depth: nil, certificate: peer)
                throw failure(
                    .verificationFailed, operation, reason.description,
                    verificationFailure: reason, openSSLErrors: errors)
            }
            var detail = errors.last.map(Self.reasonText) ?? "TLS failed"
            if code == SSL_ERROR_SYSCALL {
                detail =
                    savedErrno == 0
                    ? "the server closed the connection"
                    : SystemError.text(savedErrno)
            }
            throw failure(
                handshake ? .handshakeFailed : .tlsFailure, operation, detail,
                openSSLErrors: errors)
        }
    }

    /// The reason part of an OpenSSL error text such as
    /// `error:0A000086:SSL routines::certificate verify failed`.
    private static func reasonText(_ text: String) -> String {
        text.split(separator: ":", omittingEmptySubsequences: false).last
            .map(String.init) ?? text
    }
}

// MARK: - Bytes

extension Connection {
    /// Writes all of `bytes`.
    func write(_ bytes: [UInt8], _ operation: String, _ deadline: Deadline)
        throws(MemcachedClientError)
    {
        var offset = 0
        while offset < bytes.count {
            let count = min(bytes.count - offset, Int(Int32.max))
            if let ssl {
                let written = bytes.withUnsafeBytes { raw in
                    SSL_write(ssl, raw.baseAddress.map { $0 + offset }, Int32(count))
                }
                if written > 0 {
                    offset += Int(written)
                } else {
                    try handleTLSResult(written, operation, deadline: deadline, handshake: false)
                }
            } else {
                let written = bytes.withUnsafeBytes { raw in
                    send(fd, raw.baseAddress.map { $0 + offset }, count, Int32(MSG_NOSIGNAL))
                }
                if written >= 0 {
                    offset += written
                } else if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR {
                    try wait(for: Int16(POLLOUT), operation, deadline)
                } else {
                    throw socketFailure(errno, operation)
                }
            }
        }
    }

    /// The longest reply line accepted; memcached's are short (a key is at most 250 bytes).
    static let longestLine = 65_536

    /// Reads one line ending in `\r\n` and returns it without the ending.
    func readLine(_ operation: String, _ deadline: Deadline) throws(MemcachedClientError)
        -> String
    {
        var searchFrom = 0
        while true {
            if let end = lineEnd(from: searchFrom) {
                let line = String(decoding: buffer[..<end], as: UTF8.self)
                buffer.removeFirst(end + 2)
                return line
            }
            guard buffer.count <= Self.longestLine else {
                throw failure(
                    .unexpectedReply, operation,
                    "a reply line longer than \(Self.longestLine) bytes")
            }
            searchFrom = max(0, buffer.count - 1)
            try fill(operation, deadline)
        }
    }

    /// Reads exactly `count` bytes.
    func read(count: Int, _ operation: String, _ deadline: Deadline)
        throws(MemcachedClientError) -> [UInt8]
    {
        while buffer.count < count {
            try fill(operation, deadline)
        }
        let bytes = Array(buffer[..<count])
        buffer.removeFirst(count)
        return bytes
    }

    private func lineEnd(from start: Int) -> Int? {
        guard buffer.count >= 2 else { return nil }
        var index = start
        while index < buffer.count - 1 {
            if buffer[index] == 13 && buffer[index + 1] == 10 { return index }
            index += 1
        }
        return nil
    }

    /// Reads whatever is available (at least one byte) into the buffer.
    private func fill(_ operation: String, _ deadline: Deadline) throws(MemcachedClientError) {
        var chunk = [UInt8](repeating: 0, count: 16_384)
        while true {
            if let ssl {
                let received = chunk.withUnsafeMutableBytes { raw in
                    SSL_read(ssl, raw.baseAddress, Int32(raw.count))
                }
                if received > 0 {
                    buffer.append(contentsOf: chunk.prefix(Int(received)))
                    return
                }
                try handleTLSResult(received, operation, deadline: deadline, handshake: false)
            } else {
                let received = chunk.withUnsafeMutableBytes { raw in
                    recv(fd, raw.baseAddress, raw.count, 0)
                }
                if received > 0 {
                    buffer.append(contentsOf: chunk.prefix(received))
                    return
                }
                if received == 0 {
                    throw failure(.connectionClosed, operation, "the server closed the connection")
                }
                guard errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR else {
                    throw socketFailure(errno, operation)
                }
                try wait(for: Int16(POLLIN), operation, deadline)
            }
        }
    }

    /// Waits until the socket is ready for `events`, the deadline passes, or the task is
    /// cancelled.
    private func wait(for events: Int16, _ operation: String, _ deadline: Deadline)
        throws(MemcachedClientError)
    {
        while true {
            if deadline.cancellation.isCancelled {
                throw failure(.cancelled, operation, "the task was cancelled")
            }
            if deadline.hasPassed {
                throw failure(.timedOut, operation, "no answer within \(deadline.timeout)")
            }
            var entry = pollfd(fd: fd, events: events, revents: 0)
            let ready = poll(&entry, 1, deadline.pollMilliseconds())
            if ready > 0 { return }
            if ready < 0 && errno != EINTR { throw socketFailure(errno, operation) }
        }
    }

    private func socketFailure(_ code: Int32, _ operation: String) -> MemcachedClientError {
        let closed = code == ECONNRESET || code == EPIPE
        return failure(closed ? .connectionClosed : .ioFailure, operation, SystemError.text(code))
    }
}
