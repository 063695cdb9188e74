import MemcachedOpsTLS
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What each TLS pod was last seen to serve by a real handshake, so that observing the
/// fleet need not handshake with every pod in every round.
///
/// An entry holds only while nothing that could change what the pod serves has changed:
/// it is kept with the pod's ``Basis`` (its pid, port, start time, reload count, mounts,
/// and the identity of its certificate and key files) and is used only while that basis
/// is the same, for at most ``lifetime``. memcached loads its certificate when it starts
/// and on `refresh_certs`, which reads the pod's files, and every change the fleet makes
/// renames new files into place (a new inode and change time) or restarts the pod (a new
/// pid), so a pod with the same basis serves what it served. An entry is only written
/// when the handshake presented the certificate of the pod's files, read after the basis
/// was taken, so a handshake racing a reload is never remembered.
///
/// Nothing here is stored in the fleet's directory: it is a hint for this process, which
/// falls back to handshaking whenever it does not apply.
final class ServedCertificates: Sendable {
    /// What an entry depends on.
    struct Basis: Hashable, Sendable {
        var pid: Int32
        var port: Int
        var startedAt: String?
        var reloadCount: Int
        var restartCount: Int
        var mountedCertificates: [String]
        var certificateFile: FileStamp
        var privateKeyFile: FileStamp
    }

    /// The identity and last change of a file: `rename` and every write change it.
    struct FileStamp: Hashable, Sendable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var modified: Int64
        var modifiedNanoseconds: Int
        var changed: Int64
        var changedNanoseconds: Int

        /// The stamp of the file at `path`, or `nil` when it cannot be found.
        init?(path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
            size = Int64(info.st_size)
            #if canImport(Darwin)
                modified = Int64(info.st_mtimespec.tv_sec)
                modifiedNanoseconds = Int(info.st_mtimespec.tv_nsec)
                changed = Int64(info.st_ctimespec.tv_sec)
                changedNanoseconds = Int(info.st_ctimespec.tv_nsec)
            #else
                modified = Int64(info.st_mtim.tv_sec)
                modifiedNanoseconds = Int(info.st_mtim.tv_nsec)
                changed = Int64(info.st_ctim.tv_sec)
                changedNanoseconds = Int(info.st_ctim.tv_nsec)
            #endif
        }
    }

    private struct Entry: Sendable {
        var basis: Basis
        var fingerprint: String
        var confirmed: ContinuousClock.Instant
    }

    /// How long a handshake's answer is trusted while the basis holds; after that the pod
    /// is asked again.
    static let lifetime = Duration.seconds(5)

    private let entries = Mutex<[String: Entry]>([:])

    /// The fingerprint a pod was confirmed to serve with this basis, within ``lifetime``.
    func fingerprint(of pod: String, basis: Basis) -> String? {
        let now = ContinuousClock.now
        return entries.withLock { entries -> String? in
            guard let entry = entries[pod], entry.basis == basis,
                entry.confirmed.duration(to: now) < Self.lifetime
            else { return nil }
            return entry.fingerprint
        }
    }

    /// Records that a handshake begun after `basis` was taken presented `fingerprint`.
    func remember(_ fingerprint: String, of pod: String, basis: Basis) {
        let entry = Entry(basis: basis, fingerprint: fingerprint, confirmed: .now)
        entries.withLock { $0[pod] = entry }
    }

    /// Forgets what a pod serves.
    func forget(_ pod: String) {
        _ = entries.withLock { $0.removeValue(forKey: pod) }
    }

    /// Whether something accepts TCP connections on 127.0.0.1:`port`, within `timeout`.
    ///
    /// No byte is sent: a TLS server sees a client that leaves before its handshake.
    static func accepts(port: Int, timeout: Duration) -> Bool {
        #if canImport(Glibc)
            let fd = socket(
                AF_INET,
                Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue)
                    | Int32(SOCK_CLOEXEC.rawValue), 0)
        #else
            let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { return false }
        defer { close(fd) }
        #if !canImport(Glibc)
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        #endif
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(truncatingIfNeeded: port).bigEndian)
        address.sin_addr.s_addr = in_addr_t(UInt32(0x7F00_0001).bigEndian)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        if result == 0 { return true }
        guard errno == EINPROGRESS else { return false }
        var poller = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
        let milliseconds = Int32(
            clamping: timeout.components.seconds * 1000
                + timeout.components.attoseconds / 1_000_000_000_000_000)
        guard poll(&poller, 1, max(1, milliseconds)) == 1 else { return false }
        var error: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length) == 0 else { return false }
        return error == 0
    }
}
