#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The user memcached runs as when the fleet is driven by root.
///
/// memcached refuses to run as root without `-u USER`; after it drops to that user it
/// must still read its certificate and key for `refresh_certs`, and write its pid file and
/// memory file. So every file a pod reads or writes is given to this user, with its mode
/// unchanged (`0600` for keys).
struct RunUser: Sendable, Hashable {
    /// The user's name, for `-u`.
    let name: String
    /// The user's id.
    let uid: uid_t
    /// The user's primary group.
    let gid: gid_t

    /// `memcache` (Debian's memcached user), else `nobody`, when this process runs as
    /// root; `nil` otherwise, when memcached runs as the current user.
    static let forMemcached: RunUser? = {
        guard geteuid() == 0 else { return nil }
        for name in ["memcache", "nobody"] {
            if let entry = getpwnam(name) {
                return RunUser(name: name, uid: entry.pointee.pw_uid, gid: entry.pointee.pw_gid)
            }
        }
        return nil
    }()
}
