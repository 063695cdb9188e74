import COpenSSLShims
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A child process started with `posix_spawn`, stopped by its pid and waited for.
///
/// The child starts with an empty signal mask and default signal handlers, whatever the
/// parent has blocked or ignored: a process started from a test runner (or any program that
/// blocks SIGTERM in its threads) would otherwise ignore ``terminate(gracePeriod:)``. Its
/// standard input is `/dev/null`; its output goes to a file or to `/dev/null`.
///
/// Waiting polls `waitpid` with `WNOHANG` between short sleeps, so it never blocks a Swift
/// concurrency thread. A `ChildProcess` that is released while its child still runs kills
/// the child and reaps it, so no process outlives its owner unnoticed.
///
/// ```swift
/// let child = try ChildProcess(
///     executablePath: "/usr/bin/memcached", arguments: ["-p", "11311"],
///     outputPath: "/tmp/memcached.log")
/// defer { ... }
/// let status = await child.terminate()
/// ```
public final class ChildProcess: Sendable {
    /// How a child ended.
    public enum ExitStatus: Sendable, Hashable, CustomStringConvertible {
        /// It exited with this status code.
        case exited(Int32)
        /// A signal ended it.
        case signaled(Int32)

        /// Such as `exit status 1` or `signal 15`.
        public var description: String {
            switch self {
            case .exited(let code): "exit status \(code)"
            case .signaled(let signal): "signal \(signal)"
            }
        }
    }

    /// The child's process id.
    public let pid: pid_t

    /// The program that was started.
    public let executablePath: String

    /// The arguments it was started with, without the program name.
    public let arguments: [String]

    /// The file the child's standard output and error go to, if any.
    public let outputPath: String?

    private let reaped = Mutex<ExitStatus?>(nil)

    /// Starts a child process.
    ///
    /// - Parameters:
    ///   - executablePath: The absolute path of the program.
    ///   - arguments: Its arguments, without the program name.
    ///   - environment: Its environment; the parent's when `nil`.
    ///   - outputPath: A file to append standard output and error to, created with mode
    ///     `0644` when missing; `nil` discards them.
    /// - Throws: ``ChildProcessError`` when the program cannot be started.
    public init(
        executablePath: String,
        arguments: [String] = [],
        environment: [String: String]? = nil,
        outputPath: String? = nil
    ) throws(ChildProcessError) {
        self.executablePath = executablePath
        self.arguments = arguments
        self.outputPath = outputPath
        self.pid = try Self.spawn(
            executablePath, arguments, environment: environment, outputPath: outputPath)
    }

    deinit {
        let unreaped = reaped.withLock { $0 == nil }
        if unreaped {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        }
    }

    /// Whether the child is still running (it has not been reaped).
    public var isRunning: Bool {
        poll() == nil
    }

    /// How the child ended, once it has; `nil` while it runs.
    public var exitStatus: ExitStatus? {
        poll()
    }

    /// Sends `signal` to the child, unless it has already been reaped.
    ///
    /// - Parameter signal: The signal, such as `SIGHUP`.
    public func send(_ signal: Int32) {
        reaped.withLock { status in
            if status == nil { _ = kill(pid, signal) }
        }
    }

    /// Waits until the child ends.
    ///
    /// - Parameter timeout: How long to wait; `nil` waits as long as it takes.
    /// - Returns: How it ended, or `nil` when the timeout passed first.
    public func waitForExit(timeout: Duration? = nil) async -> ExitStatus? {
        let clock = ContinuousClock()
        let deadline = timeout.map { clock.now.advanced(by: min($0, Deadline.longest)) }
        var pause = Duration.milliseconds(2)
        while true {
            if let status = poll() { return status }
            if let deadline, clock.now >= deadline { return nil }
            do {
                try await Task.sleep(for: pause)
            } catch {
                return poll()
            }
            pause = min(pause * 2, .milliseconds(50))
        }
    }

    /// Stops the child: SIGTERM, then SIGKILL if it has not ended within `gracePeriod`;
    /// then waits for it and reaps it.
    ///
    /// - Parameter gracePeriod: How long the child may take to stop after SIGTERM.
    /// - Returns: How the child ended.
    @discardableResult
    public func terminate(gracePeriod: Duration = .seconds(5)) async -> ExitStatus {
        send(SIGTERM)
        if let status = await waitForExit(timeout: gracePeriod) { return status }
        send(SIGKILL)
        while true {
            if let status = await waitForExit(timeout: .seconds(1)) { return status }
        }
    }

    /// Reaps the child if it has ended; never blocks.
    private func poll() -> ExitStatus? {
        reaped.withLock { reaped in
            if let reaped { return reaped }
            var status: Int32 = 0
            let result = waitpid(pid, &status, WNOHANG)
            guard result == pid else {
                if result < 0 && errno == ECHILD {
                    // Someone else reaped it; it has ended, how is unknown.
                    reaped = .exited(-1)
                }
                return reaped
            }
            reaped = Self.decode(status)
            return reaped
        }
    }

    private static func decode(_ status: Int32) -> ExitStatus {
        let signal = status & 0x7f
        if signal == 0 { return .exited((status >> 8) & 0xff) }
        return .signaled(signal)
    }
}

extension ChildProcess {
    private static func spawn(
        _ path: String, _ arguments: [String], environment: [String: String]?,
        outputPath: String?
    ) throws(ChildProcessError) -> pid_t {
        var attributes = posix_spawnattr_t()
        guard posix_spawnattr_init(&attributes) == 0 else {
            throw ChildProcessError(path: path, detail: "cannot initialise spawn attributes")
        }
        defer { posix_spawnattr_destroy(&attributes) }
        var actions = posix_spawn_file_actions_t()
        guard posix_spawn_file_actions_init(&actions) == 0 else {
            throw ChildProcessError(path: path, detail: "cannot initialise file actions")
        }
        defer { posix_spawn_file_actions_destroy(&actions) }

        // An empty signal mask, and default handlers for every signal the parent may have
        // set to be ignored or caught (SIGKILL and SIGSTOP cannot be changed).
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        sigdelset(&allSignals, SIGKILL)
        sigdelset(&allSignals, SIGSTOP)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        let flags = Int32(POSIX_SPAWN_SETSIGMASK) | Int32(POSIX_SPAWN_SETSIGDEF)
        posix_spawnattr_setflags(&attributes, Int16(flags))

        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        let output = outputPath ?? "/dev/null"
        posix_spawn_file_actions_addopen(
            &actions, 1, output, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // No other descriptor of this process (a client's socket, a listener) leaks into
        // the child, even one opened without close-on-exec.
        _ = mcops_posix_spawn_file_actions_addclosefrom(&actions, 3)

        let argv = ([path] + arguments).map { strdup($0) }
        defer { argv.forEach { free($0) } }
        let envp = environment.map { $0.map { strdup("\($0.key)=\($0.value)") } }
        defer { envp?.forEach { free($0) } }

        var pid: pid_t = 0
        let result = (argv + [nil]).withUnsafeBufferPointer { argvBuffer -> Int32 in
            guard let argvBase = argvBuffer.baseAddress else { return EINVAL }
            guard let envp else {
                return posix_spawn(&pid, path, &actions, &attributes, argvBase, environ)
            }
            return (envp + [nil]).withUnsafeBufferPointer { envpBuffer -> Int32 in
                guard let envpBase = envpBuffer.baseAddress else { return EINVAL }
                return posix_spawn(&pid, path, &actions, &attributes, argvBase, envpBase)
            }
        }
        guard result == 0 else {
            throw ChildProcessError(path: path, detail: SystemError.text(result))
        }
        return pid
    }
}
