#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Questions about processes by pid, for pods started by another process.
///
/// A pod's memcached runs as a daemon: its parent is init, not the process that started
/// it, so it is found again by the pid it wrote, and recognised by its command line so a
/// reused pid is never mistaken for it.
enum ProcessTable {
    /// Whether `pid` is a running memcached listening on `port`.
    ///
    /// A process that has exited but is not yet reaped (a zombie) does not count: it
    /// serves nothing and holds no port.
    ///
    /// - Parameters:
    ///   - pid: The pid the pod recorded.
    ///   - port: The pod's port, which must appear as `-p PORT` on its command line.
    /// - Returns: `true` when the process runs memcached on that port.
    static func isMemcached(_ pid: pid_t, port: Int) -> Bool {
        guard exists(pid) else { return false }
        #if os(Linux)
            guard let arguments = commandLine(pid) else { return false }
            guard let program = arguments.first, program.hasSuffix("memcached") else {
                return false
            }
            let portText = String(port)
            for (index, argument) in arguments.enumerated().dropLast()
            where argument == "-p" && arguments[index + 1] == portText {
                return true
            }
            return false
        #else
            return true
        #endif
    }

    /// Whether a process with this pid exists and has not exited.
    static func exists(_ pid: pid_t) -> Bool {
        guard pid > 0 else { return false }
        if kill(pid, 0) != 0 && errno != EPERM { return false }
        #if os(Linux)
            if let state = state(pid), state == "Z" || state == "X" { return false }
        #endif
        return true
    }

    #if os(Linux)
        /// The state letter in `/proc/PID/stat`: `R`, `S`, `Z` and so on.
        private static func state(_ pid: pid_t) -> Character? {
            guard let bytes = try? FleetFiles.readIfPresent("/proc/\(pid)/stat") else {
                return nil
            }
            let text = String(decoding: bytes, as: UTF8.self)
            // The command name is in parentheses and may hold spaces; the state follows
            // the last closing parenthesis.
            guard let close = text.lastIndex(of: ")") else { return nil }
            return text[text.index(after: close)...].first { $0 != " " }
        }

        /// The arguments in `/proc/PID/cmdline`, program first.
        private static func commandLine(_ pid: pid_t) -> [String]? {
            guard let bytes = try? FleetFiles.readIfPresent("/proc/\(pid)/cmdline") else {
                return nil
            }
            return bytes.split(separator: 0, omittingEmptySubsequences: false)
                .map { String(decoding: $0, as: UTF8.self) }
        }
    #endif
}
