import Foundation
import MemcachedOpsTLS

/// A real memcached on 127.0.0.1 for one test, started with `ChildProcess`.
///
/// Run as root, memcached needs `-u USER` and then must still be able to read its key
/// after dropping privileges (for `refresh_certs`), so the files it is given are handed to
/// that user with ``handOver(_:)``; their modes (`0600` for the key) stay as written.
struct MemcachedServer: Sendable {
    /// memcached's path.
    static let executable = "/usr/bin/memcached"

    /// Whether memcached is installed.
    static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: executable) }

    /// The child process.
    let process: ChildProcess
    /// The port it listens on.
    let port: Int
    /// Its log file.
    let logPath: String

    /// The user memcached runs as when started as root.
    static let runUser: (name: String, uid: uid_t, gid: gid_t)? = {
        guard getuid() == 0 else { return nil }
        for name in ["memcache", "nobody"] {
            if let entry = getpwnam(name) {
                return (name, entry.pointee.pw_uid, entry.pointee.pw_gid)
            }
        }
        return nil
    }()

    /// Gives memcached's user the directory and files, so it can reload them after
    /// dropping root. Does nothing when not running as root.
    static func handOver(_ directory: String) throws {
        guard let user = runUser else { return }
        var paths = [directory]
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
        paths += names.map { directory + "/" + $0 }
        for path in paths where chown(path, user.uid, user.gid) != 0 {
            throw TestFailure("chown \(path) failed: errno \(errno)")
        }
    }

    /// Starts memcached and waits until it accepts connections.
    ///
    /// - Parameters:
    ///   - tls: The certificate files, or `nil` for a plain server.
    ///   - verifyMode: memcached's `ssl_verify_mode` (1 asks for a client certificate, 2
    ///     requires one), if any.
    ///   - log: The log file.
    /// - Returns: The running server.
    /// - Throws: When memcached cannot be started or does not listen within 5 seconds.
    static func start(
        tls: TLSSecretFiles?, verifyMode: Int? = nil, log: String
    ) async throws -> MemcachedServer {
        var lastError: (any Error)?
        for _ in 0..<3 {
            let port = try FreePort.next()
            var arguments = [
                "-l", "127.0.0.1", "-p", String(port), "-U", "0", "-m", "16", "-t", "2",
            ]
            if let user = runUser { arguments += ["-u", user.name] }
            if let tls {
                try handOver(tls.directory)
                var options = "ssl_chain_cert=\(tls.certificatePath),ssl_key=\(tls.privateKeyPath)"
                options += ",ssl_ca_cert=\(tls.caPath)"
                if let verifyMode { options += ",ssl_verify_mode=\(verifyMode)" }
                arguments += ["-Z", "-o", options]
            }
            let process = try ChildProcess(
                executablePath: executable, arguments: arguments, outputPath: log)
            let server = MemcachedServer(process: process, port: port, logPath: log)
            do {
                try await server.waitUntilListening()
                return server
            } catch {
                lastError = error
                await process.terminate(gracePeriod: .seconds(2))
            }
        }
        throw lastError ?? TestFailure("memcached did not start")
    }

    /// Waits until a TCP connection to the port succeeds.
    private func waitUntilListening() async throws {
        let deadline = ContinuousClock.now.advanced(by: .seconds(5))
        while ContinuousClock.now < deadline {
            if let status = process.exitStatus {
                throw TestFailure("memcached ended (\(status)): \(log())")
            }
            if let client = try? await MemcachedClient.connect(
                host: "127.0.0.1", port: port, timeout: .milliseconds(200))
            {
                await client.close()
                return
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw TestFailure("memcached did not listen on \(port): \(log())")
    }

    /// Stops memcached (SIGTERM, then SIGKILL) and waits until its pid is gone.
    func stop() async {
        await process.terminate(gracePeriod: .seconds(3))
    }

    /// What memcached wrote to its log.
    func log() -> String {
        (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
    }
}

/// Runs `body` with a memcached that is stopped, by pid, when `body` returns or throws.
func withMemcached<Result: Sendable>(
    tls: TLSSecretFiles?, verifyMode: Int? = nil, in directory: TemporaryDirectory,
    _ body: (MemcachedServer) async throws -> Result
) async throws -> Result {
    let server = try await MemcachedServer.start(
        tls: tls, verifyMode: verifyMode, log: directory.file("memcached-\(UUID()).log"))
    do {
        let result = try await body(server)
        await server.stop()
        return result
    } catch {
        await server.stop()
        throw error
    }
}
