#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Opens a non-blocking TCP connection with a deadline.
enum SocketConnector {
    /// Resolves `host` and connects to the first address that answers.
    ///
    /// - Returns: A connected, non-blocking, close-on-exec socket.
    /// - Throws: ``MemcachedClientError`` with code `hostNotFound`, `connectionRefused`,
    ///   `timedOut`, `cancelled` or `connectFailed`.
    static func connect(
        host: String, port: Int, deadline: Deadline
    ) throws(MemcachedClientError) -> Int32 {
        func failure(_ code: MemcachedClientError.Code, _ detail: String) -> MemcachedClientError {
            MemcachedClientError(code, host: host, port: port, operation: "connect", detail: detail)
        }

        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
            hints.ai_socktype = SOCK_STREAM
        #endif
        hints.ai_flags = AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        let resolved = getaddrinfo(host, String(port), &hints, &list)
        guard resolved == 0, let list else {
            let reason = gai_strerror(resolved).map { String(cString: $0) } ?? "unknown"
            throw failure(.hostNotFound, "cannot resolve \(host): \(reason)")
        }
        defer { freeaddrinfo(list) }

        var lastError = failure(.connectFailed, "no address to connect to")
        var entry: UnsafeMutablePointer<addrinfo>? = list
        while let current = entry {
            entry = current.pointee.ai_next
            do {
                return try attempt(current.pointee, deadline: deadline, failure: failure)
            } catch {
                lastError = error
                if error.code == .timedOut || error.code == .cancelled { break }
            }
        }
        throw lastError
    }

    private static func attempt(
        _ address: addrinfo, deadline: Deadline,
        failure: (MemcachedClientError.Code, String) -> MemcachedClientError
    ) throws(MemcachedClientError) -> Int32 {
        #if canImport(Glibc)
            // Close-on-exec from the start, so a child spawned meanwhile cannot inherit it.
            let type = address.ai_socktype | Int32(SOCK_CLOEXEC.rawValue)
        #else
            let type = address.ai_socktype
        #endif
        let fd = socket(address.ai_family, type, address.ai_protocol)
        guard fd >= 0 else {
            throw failure(.connectFailed, "cannot make a socket: \(SystemError.text(errno))")
        }
        var keep = false
        defer { if !keep { close(fd) } }

        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        var one: Int32 = 1
        _ = setsockopt(
            fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one,
            socklen_t(MemoryLayout<Int32>.size))

        #if canImport(Glibc)
            let started = Glibc.connect(fd, address.ai_addr, address.ai_addrlen)
        #else
            let started = Darwin.connect(fd, address.ai_addr, address.ai_addrlen)
        #endif
        if started != 0 {
            guard errno == EINPROGRESS || errno == EINTR else {
                throw connectFailure(errno, failure)
            }
            try waitUntilConnected(fd, deadline: deadline, failure: failure)
        }
        keep = true
        return fd
    }

    private static func waitUntilConnected(
        _ fd: Int32, deadline: Deadline,
        failure: (MemcachedClientError.Code, String) -> MemcachedClientError
    ) throws(MemcachedClientError) {
        while true {
            if deadline.cancellation.isCancelled { throw failure(.cancelled, "cancelled") }
            if deadline.hasPassed {
                throw failure(.timedOut, "no connection within \(deadline.timeout)")
            }
            var entry = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
            let ready = poll(&entry, 1, deadline.pollMilliseconds())
            if ready < 0 && errno != EINTR {
                throw failure(.connectFailed, "poll failed: \(SystemError.text(errno))")
            }
            if ready > 0 { break }
        }
        var code: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(fd, SOL_SOCKET, SO_ERROR, &code, &length) == 0 else {
            throw connectFailure(errno, failure)
        }
        if code != 0 { throw connectFailure(code, failure) }
    }

    private static func connectFailure(
        _ code: Int32, _ failure: (MemcachedClientError.Code, String) -> MemcachedClientError
    ) -> MemcachedClientError {
        switch code {
        case ECONNREFUSED:
            return failure(.connectionRefused, "connection refused: nothing listens there")
        case ETIMEDOUT:
            return failure(.timedOut, SystemError.text(code))
        default:
            return failure(.connectFailed, SystemError.text(code))
        }
    }
}
