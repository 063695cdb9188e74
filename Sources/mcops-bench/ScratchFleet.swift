import Foundation
import MemcachedOps
import MemcachedOpsLocal
import MemcachedOpsRuntime
import Synchronization

#if canImport(Glibc)
    @preconcurrency import Glibc
#endif

/// A local fleet made for one benchmark in a new directory (under `/tmp`, or `/dev/shm`
/// for a restartable fleet), whose pods are stopped and whose directory is removed
/// afterwards, whatever happens: when the body throws, and when the benchmark tool is
/// interrupted (SIGINT, SIGTERM).
enum ScratchFleet {
    /// The directories of the fleets that exist now, for the signal handler.
    private static let live = Mutex<Set<String>>([])
    private static let handlers = Mutex<[any DispatchSourceSignal]>([])

    /// Makes a fleet, runs `body` with it, then stops every pod and removes the directory.
    ///
    /// - Parameters:
    ///   - replicas: The number of pods.
    ///   - restartable: Whether pods run in memcached's restartable mode (`-e`).
    ///   - body: The benchmark.
    /// - Returns: What `body` returns.
    /// - Throws: What `body` throws, or why the fleet could not be made or stopped.
    static func with<Value>(
        replicas: Int, restartable: Bool = false,
        _ body: (LocalFleet) async throws -> Value
    ) async throws -> Value {
        guard LocalFleet.isMemcachedInstalled() else {
            throw BenchmarkFailure(message: LocalFleet.installHint)
        }
        installSignalHandlers()
        // memcached's restartable mode keeps its cache in a memory file meant for a RAM
        // disk; on a disk-backed /tmp, writeback stalls the pods.
        let directory = try makeDirectory(in: restartable ? ramDisk ?? "/tmp" : "/tmp")
        live.withLock { _ = $0.insert(directory) }
        let fleet: LocalFleet
        do {
            fleet = try await LocalFleet.create(
                at: directory + "/fleet", database: "memcd", namespace: "bench",
                replicas: replicas, options: LocalFleet.Options(restartable: restartable))
        } catch {
            await remove(directory)
            throw error
        }
        let value: Value
        do {
            value = try await body(fleet)
        } catch {
            await remove(directory)
            throw error
        }
        if let problem = await remove(directory) { throw BenchmarkFailure(message: problem) }
        return value
    }

    /// Runs a ReconfigureTLS request on a fleet to its end with the reconciler, as
    /// `mcops apply` does.
    ///
    /// - Parameters:
    ///   - change: The change.
    ///   - name: The request's name, new in the fleet.
    ///   - strategy: How pods take new certificates.
    ///   - fleet: The fleet.
    /// - Returns: How long the request took, from recording it to `Successful`.
    /// - Throws: ``BenchmarkFailure`` when it does not end `Successful`.
    @discardableResult
    static func apply(
        _ change: LocalFleet.TLSChange, named name: String, strategy: ReloadStrategy,
        on fleet: LocalFleet
    ) async throws -> Duration {
        let clock = ContinuousClock()
        let started = clock.now
        let request = try fleet.record(
            fleet.makeRequest(named: name, change, timeout: GoDuration(seconds: 120)))
        let reconciler = Reconciler(
            transport: fleet, options: PlanOptions(strategy: strategy),
            pollInterval: .milliseconds(50))
        let outcome = try await reconciler.run(request)
        let elapsed = clock.now - started
        guard case .successful = outcome.ending else {
            throw BenchmarkFailure(message: "request \(name) did not succeed: \(outcome.ending)")
        }
        return elapsed
    }

    /// Stops the fleet's pods and removes the directory; returns what went wrong, if
    /// anything (a pod that did not stop is named, so nothing is left behind unnoticed).
    @discardableResult
    private static func remove(_ directory: String) async -> String? {
        var problem: String?
        let path = directory + "/fleet"
        if LocalFleet.exists(at: path) {
            do {
                try await LocalFleet.open(at: path).stop()
            } catch {
                problem =
                    "cannot stop the fleet in \(path): \(error); stop it with "
                    + "'mcops local down --dir \(path)'"
                FileHandle.standardError.write(Data("mcops-bench: \(problem ?? "")\n".utf8))
            }
        }
        if problem == nil {
            try? FileManager.default.removeItem(atPath: directory)
        }
        live.withLock { _ = $0.remove(directory) }
        return problem
    }

    /// `/dev/shm` when it is a tmpfs mount anyone may write in.
    private static var ramDisk: String? {
        guard let mounts = try? String(contentsOfFile: "/proc/mounts", encoding: .utf8),
            mounts.split(separator: "\n").contains(where: { $0.hasPrefix("tmpfs /dev/shm ") }),
            access("/dev/shm", W_OK | X_OK) == 0
        else { return nil }
        return "/dev/shm"
    }

    /// A new directory in `parent` that memcached, which drops root to its own user, can
    /// enter.
    private static func makeDirectory(in parent: String) throws -> String {
        var template = Array("\(parent)/mcops-bench-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.flatMap { mkdtemp($0) }
        }
        guard made != nil else {
            throw BenchmarkFailure(message: "cannot create a directory in \(parent)")
        }
        let path = String(
            decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        chmod(path, 0o755)
        return path
    }

    /// On SIGINT or SIGTERM, stops every live fleet and removes its directory before
    /// exiting: the pods are daemons that would otherwise outlive the tool.
    private static func installSignalHandlers() {
        handlers.withLock { handlers in
            guard handlers.isEmpty else { return }
            signal(SIGPIPE, SIG_IGN)
            for number in [SIGINT, SIGTERM] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler {
                    Task {
                        let directories = live.withLock { $0 }
                        for directory in directories { await remove(directory) }
                        FileHandle.standardError.write(
                            Data("interrupted; stopped \(directories.count) fleet(s)\n".utf8))
                        exit(128 + number)
                    }
                }
                source.resume()
                handlers.append(source)
            }
        }
    }
}
