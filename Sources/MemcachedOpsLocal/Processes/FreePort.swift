#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds TCP ports on 127.0.0.1 that nothing listens on, for new pods.
///
/// Ports are taken below Linux's ephemeral range (32768 and up), which the kernel hands
/// out as the local ports of outgoing connections: a pod's port in that range could be
/// taken by a client's connection while the pod restarts.
enum FreePort {
    /// The ports tried first.
    static let preferred = 20_000..<32_000

    /// A port nothing listens on: one of ``preferred`` that can be bound, else one the
    /// kernel hands out.
    ///
    /// - Throws: ``LocalFleetError`` with code `podFailed` when no socket can be bound.
    static func next() throws(LocalFleetError) -> Int {
        for _ in 0..<200 {
            let candidate = Int.random(in: preferred)
            if (try? bind(candidate)) != nil { return candidate }
        }
        return try bind(0)
    }

    /// Binds a socket to 127.0.0.1 and `port` (0 for any), closes it, and returns the
    /// port it had.
    private static func bind(_ port: Int) throws(LocalFleetError) -> Int {
        #if canImport(Glibc)
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        #else
            let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else {
            throw LocalFleetError(.podFailed, detail: "cannot open a socket to find a free port")
        }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = UInt32(0x7f00_0001).bigEndian
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                Glibc.bind(fd, socketAddress, length) == 0
                    && getsockname(fd, socketAddress, &length) == 0
            }
        }
        guard bound else {
            throw LocalFleetError(.podFailed, detail: "cannot bind a socket to find a free port")
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
