import Foundation
import MemcachedOps
import MemcachedOpsLocal
import MemcachedOpsRuntime
import Testing

/// Whether Debian's memcached is installed; the suites are skipped without it.
let memcachedInstalled = LocalFleet.isMemcachedInstalled()

/// A fleet in a fresh directory under /tmp for one test, stopped and removed by
/// ``shutDown()``, which also checks that no memcached of the fleet is left running.
struct TestFleet: Sendable {
    let fleet: LocalFleet
    let directory: String

    /// Creates and starts a fleet of `replicas` pods named `memcd`.
    static func start(
        replicas: Int = 3, restartable: Bool = false, name: String = "memcd"
    ) async throws -> TestFleet {
        var template = Array("/tmp/mcops-local-test-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.flatMap { mkdtemp($0) }
        }
        guard made != nil else { throw TestError("mkdtemp failed") }
        let directory = String(
            decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        chmod(directory, 0o755)
        do {
            let fleet = try await LocalFleet.create(
                at: directory + "/fleet", database: name, namespace: "demo", replicas: replicas,
                options: LocalFleet.Options(restartable: restartable),
                probeTimeout: .seconds(2))
            return TestFleet(fleet: fleet, directory: directory)
        } catch {
            await MemcachedProcesses.kill(under: directory)
            try? FileManager.default.removeItem(atPath: directory)
            throw error
        }
    }

    /// A reconciler over the fleet with a short poll interval.
    func reconciler(
        _ strategy: ReloadStrategy = .automatic, transport: (any OpsTransport)? = nil
    ) -> Reconciler {
        Reconciler(
            transport: transport ?? fleet, options: PlanOptions(strategy: strategy),
            pollInterval: .milliseconds(20))
    }

    /// Records a request for a change and drives it to its end.
    @discardableResult
    func run(
        _ name: String, _ change: LocalFleet.TLSChange, strategy: ReloadStrategy = .automatic,
        timeout: GoDuration? = nil
    ) async throws -> ReconcileOutcome {
        let request = try fleet.record(fleet.makeRequest(named: name, change, timeout: timeout))
        return try await reconciler(strategy).run(request)
    }

    /// Stops the fleet, checks that none of its memcached processes is left, and removes
    /// the directory.
    func shutDown() async throws {
        var stopError: (any Error)?
        do { try await fleet.stop() } catch { stopError = error }
        let leftover = MemcachedProcesses.pids(under: directory)
        await MemcachedProcesses.kill(under: directory)
        try? FileManager.default.removeItem(atPath: directory)
        if let stopError { throw stopError }
        #expect(leftover.isEmpty, "memcached processes left behind: \(leftover)")
    }

    /// What the pods present now, by name: the SHA-256 fingerprint, or nil when plain.
    func presented() async throws -> [String: String?] {
        let status = try await fleet.status()
        var result: [String: String?] = [:]
        for pod in status.pods { result[pod.name] = pod.certificateSHA256 }
        return result
    }
}

/// Runs `body` with a fresh fleet that is always shut down.
func withFleet(
    replicas: Int = 3, restartable: Bool = false,
    _ body: (TestFleet) async throws -> Void
) async throws {
    let fleet = try await TestFleet.start(replicas: replicas, restartable: restartable)
    do {
        try await body(fleet)
    } catch {
        try? await fleet.shutDown()
        throw error
    }
    try await fleet.shutDown()
}

/// The memcached processes of a test, found by their command line, which names the
/// test's directory (the pid file's path).
enum MemcachedProcesses {
    /// The pids of running (not zombie) memcached processes whose command line mentions
    /// `directory`.
    static func pids(under directory: String) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        var found: [Int32] = []
        for entry in entries {
            guard let pid = Int32(entry),
                let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline"),
                let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8)
            else { continue }
            let command = String(decoding: data, as: UTF8.self)
            guard command.contains("memcached"), command.contains(directory) else { continue }
            let state = stat.split(separator: ")").last?.split(separator: " ").first
            if state == "Z" || state == "X" { continue }
            found.append(pid)
        }
        return found
    }

    /// Kills every memcached of the directory and waits until they are gone.
    static func kill(under directory: String) async {
        let running = pids(under: directory)
        guard !running.isEmpty else { return }
        for pid in running { Glibc.kill(pid, SIGKILL) }
        var waited = 0
        while !pids(under: directory).isEmpty, waited < 100 {
            try? await Task.sleep(for: .milliseconds(20))
            waited += 1
        }
    }
}

/// A failure in a test's set-up.
struct TestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
