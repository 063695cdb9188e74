import MemcachedOpsTLS

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Starting and stopping a pod's memcached, which outlives the process that started it.
///
/// memcached is started with `ChildProcess` (clean signal mask, no inherited descriptors)
/// and `-d`: it forks a daemon in a new session, whose parent is init, and the program
/// that was started exits at once. The daemon writes its pid to the pod's pid file once it
/// listens; with `-v` its warnings go to the pod's log. So a later `mcops` process finds
/// the pod by pid and port, and nothing the starter does (exiting, a signal to its process
/// group) reaches the pod.
enum MemcachedDaemon {
    /// How long a stopped memcached may take before it is killed.
    static let stopGracePeriod: Duration = .seconds(5)

    /// Starts the pod's memcached as its record configures it and returns its pid.
    ///
    /// - Parameters:
    ///   - pod: The pod's record: name, port and whether it serves TLS from its `server`
    ///     directory.
    ///   - settings: The fleet's settings.
    ///   - layout: The fleet's layout.
    /// - Returns: The daemon's pid, once it listens.
    /// - Throws: ``LocalFleetError`` with code `podFailed`, with the end of memcached's log.
    static func start(
        _ pod: LocalPod, settings: FleetSettings, layout: FleetLayout
    ) async throws(LocalFleetError) -> pid_t {
        let pidFile = layout.podPIDFile(pod.name)
        let logFile = layout.podLogFile(pod.name)
        try FleetFiles.remove(pidFile)
        if settings.restartable {
            await waitForSavedCache(layout.podMemoryFile(pod.name) + ".meta")
        }
        let logStart = (try? FleetFiles.readIfPresent(logFile))??.count ?? 0

        let launcher: ChildProcess
        do {
            launcher = try ChildProcess(
                executablePath: settings.memcachedPath,
                arguments: arguments(pod, settings: settings, layout: layout),
                outputPath: logFile)
        } catch {
            throw LocalFleetError(.podFailed, detail: "\(pod.name): \(error)")
        }
        guard let exit = await launcher.waitForExit(timeout: .seconds(10)) else {
            await launcher.terminate(gracePeriod: .seconds(1))
            throw LocalFleetError(.podFailed, detail: "\(pod.name): memcached did not start")
        }
        guard exit == .exited(0) else {
            throw failure(pod, "memcached exited with \(exit)", logFile, from: logStart)
        }

        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .seconds(5))
        var pause = Duration.milliseconds(1)
        while clock.now < deadline {
            if let pid = readPID(pidFile), ProcessTable.isMemcached(pid, port: pod.port) {
                return pid
            }
            if newLog(logFile, from: logStart).contains("failed to listen") {
                var error = failure(pod, "port \(pod.port) is taken", logFile, from: logStart)
                error = LocalFleetError(.portInUse, path: error.path, detail: error.detail)
                throw error
            }
            try? await Task.sleep(for: pause)
            pause = min(pause * 2, .milliseconds(20))
        }
        throw failure(pod, "memcached did not listen on \(pod.port)", logFile, from: logStart)
    }

    /// Stops a pod's memcached and waits until its pid is gone: SIGTERM (or SIGUSR1 to
    /// save the cache of a restartable pod), then SIGKILL after the grace period.
    ///
    /// Does nothing when the pid is not a memcached on the pod's port (any more).
    ///
    /// - Parameters:
    ///   - pid: The pid the pod recorded.
    ///   - port: The pod's port.
    ///   - savingCache: Whether to stop with SIGUSR1, which makes a memcached started
    ///     with `-e` save its cache for the next start.
    /// - Returns: Whether the process is gone.
    @discardableResult
    static func stop(_ pid: pid_t, port: Int, savingCache: Bool) async -> Bool {
        guard ProcessTable.isMemcached(pid, port: port) else { return true }
        kill(pid, savingCache ? SIGUSR1 : SIGTERM)
        knock(port: port)
        if await waitUntilGone(pid, timeout: stopGracePeriod) { return true }
        kill(pid, SIGKILL)
        return await waitUntilGone(pid, timeout: .seconds(2))
    }

    /// Waits until the clock has passed the second in which a restartable memcached saved
    /// its cache.
    ///
    /// memcached refuses to restore a cache saved in the same second it starts in ("restart
    /// incompatible due to setting for [stop_time]") and starts empty; so a pod restarted at
    /// once waits for the next second, up to one second.
    private static func waitForSavedCache(_ metadataFile: String) async {
        var info = stat()
        guard stat(metadataFile, &info) == 0 else { return }
        let saved = info.st_mtim.tv_sec
        while time(nil) <= saved {
            try? await Task.sleep(for: .milliseconds(10))
        }
    }

    /// Opens and closes a connection to the pod's port.
    ///
    /// memcached notices a stop signal only when its main loop wakes: at its next clock
    /// tick, up to a second later, or at a new connection. Knocking makes it stop in
    /// milliseconds, as if the tick had come.
    private static func knock(port: Int) {
        #if canImport(Glibc)
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        #else
            let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { return }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = UInt32(0x7f00_0001).bigEndian
        _ = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
    }

    /// The arguments a pod's memcached is started with.
    static func arguments(
        _ pod: LocalPod, settings: FleetSettings, layout: FleetLayout
    ) -> [String] {
        var arguments = [
            "-d", "-v", "-P", layout.podPIDFile(pod.name),
            "-l", "127.0.0.1", "-p", String(pod.port), "-U", "0",
            "-m", String(settings.memoryLimitMegabytes), "-t", String(settings.threads),
        ]
        if let user = RunUser.forMemcached { arguments += ["-u", user.name] }
        if settings.restartable { arguments += ["-e", layout.podMemoryFile(pod.name)] }
        if pod.tls {
            let files = TLSSecretFiles(directory: layout.podServerDirectory(pod.name))
            arguments += [
                "-Z", "-o",
                "ssl_chain_cert=\(files.certificatePath),ssl_key=\(files.privateKeyPath),"
                    + "ssl_ca_cert=\(files.caPath)",
            ]
        }
        return arguments
    }

    private static func waitUntilGone(_ pid: pid_t, timeout: Duration) async -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        var pause = Duration.milliseconds(1)
        while ProcessTable.exists(pid) {
            guard clock.now < deadline else { return false }
            try? await Task.sleep(for: pause)
            pause = min(pause * 2, .milliseconds(20))
        }
        return true
    }

    private static func readPID(_ path: String) -> pid_t? {
        guard let bytes = try? FleetFiles.readIfPresent(path) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        return pid_t(String(text.filter(\.isNumber)))
    }

    private static func newLog(_ path: String, from offset: Int) -> String {
        guard let bytes = try? FleetFiles.readIfPresent(path), bytes.count > offset else {
            return ""
        }
        return String(decoding: bytes[offset...], as: UTF8.self)
    }

    private static func failure(
        _ pod: LocalPod, _ what: String, _ logFile: String, from offset: Int
    ) -> LocalFleetError {
        let lines = newLog(logFile, from: offset).split(separator: "\n")
            .filter { !$0.hasPrefix("[restart]") }
        let tail = lines.suffix(3).joined(separator: "; ")
        return LocalFleetError(
            .podFailed, path: logFile,
            detail: "\(pod.name): \(what)" + (tail.isEmpty ? "" : ": \(tail)"))
    }
}
