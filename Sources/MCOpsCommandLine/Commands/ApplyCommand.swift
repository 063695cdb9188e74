import MemcachedOps
import MemcachedOpsLocal
import MemcachedOpsYAML

#if canImport(Glibc)
    import Glibc
#endif

/// `mcops apply --local DIR REQUEST`: records a ReconfigureTLS request in a local fleet
/// and drives it to its end.
struct ApplyCommand: Subcommand {
    let path = ["apply"]
    let summary = "Record a ReconfigureTLS request in a local fleet and carry it out"
    let help = """
        Usage: mcops apply --local DIR REQUEST [--strategy restart|reload|automatic]
                           [--start-limit SECONDS]

        Records the MemcachedOpsRequest in REQUEST (YAML or JSON) in the local fleet in
        DIR, as 'kubectl apply' would, prints its plan, and carries it out with the
        reconciler, printing a line per step: each certificate issued, each pod restarted
        or reloaded and verified. A request without a namespace gets the fleet's.

        Running it again on a request that has ended changes nothing and prints how it
        ended. A request that cannot start (its issuer does not exist, another request
        holds the database) is given up after --start-limit seconds; a started request
        ends Failed when a step takes longer than its spec.timeout.

        Exit status: 0 when the request is Successful, 1 when it failed or was refused
        (the reason on standard error) or a file cannot be read, 2 for a usage error.

        Options:
          --local DIR          The fleet's directory (see 'mcops local up').
          --strategy NAME      restart (evict each pod, as KubeDB), reload (refresh_certs,
                               no restart; only while TLS stays on) or automatic (reload
                               where TLS stays on, restart where it is switched; the
                               default).
          --start-limit SECS   How long a request that cannot start is waited for
                               (default: 30).
          -h, --help           Show this help.
        """

    func run(_ arguments: [String], io: any CommandIO) async -> Int32 {
        signal(SIGPIPE, SIG_IGN)
        let directory: String
        let file: String
        let strategy: ReloadStrategy
        let startLimit: Int
        do {
            let scanner = try ArgumentScanner(
                arguments, valueOptions: ["local", "strategy", "start-limit"])
            guard let local = scanner.value("local") else {
                throw ArgumentScanner.UsageError(description: "--local DIR is required")
            }
            guard scanner.positionals.count == 1, let request = scanner.positionals.first else {
                throw ArgumentScanner.UsageError(description: "give exactly one REQUEST file")
            }
            let name = try scanner.choice(
                "strategy", ReloadStrategy.allCases.map(\.rawValue), default: "automatic")
            directory = local
            file = request
            strategy = ReloadStrategy(rawValue: name) ?? .automatic
            let limitText = scanner.value("start-limit") ?? "30"
            guard let limit = Int(limitText), limit > 0 else {
                throw ArgumentScanner.UsageError(
                    description: "--start-limit must be a number of seconds, not \"\(limitText)\"")
            }
            startLimit = limit
        } catch {
            io.errorLine("mcops apply: \(error); see 'mcops apply --help'")
            return ExitCode.usage
        }

        let fleet: LocalFleet
        let request: MemcachedOpsRequest
        do {
            fleet = try LocalFleet.open(at: directory)
            request = try fleet.record(try Self.readRequest(file))
        } catch {
            io.errorLine("mcops apply: \(error)")
            return ExitCode.failure
        }

        let runner = LocalRequestRunner(
            fleet: fleet, strategy: strategy, io: io, startLimit: .seconds(startLimit))
        let result = await runner.run(request)
        let name = "\(request.namespace)/\(request.name)"
        io.line()
        if result.successful {
            io.line(
                "Request \(name) is Successful (\(LocalRequestRunner.seconds(result.elapsed))).")
            return ExitCode.success
        }
        io.errorLine("mcops apply: request \(name) failed: \(result.reason ?? "unknown reason")")
        return ExitCode.failure
    }

    /// The first MemcachedOpsRequest in a YAML or JSON file.
    static func readRequest(_ file: String) throws -> MemcachedOpsRequest {
        for manifest in try ManifestFile.read(atPath: file) {
            if case .opsRequest(let request) = manifest { return request }
        }
        throw ApplyError(description: "\(file): no MemcachedOpsRequest found")
    }

    /// A problem with the request file.
    struct ApplyError: Error, CustomStringConvertible {
        let description: String
    }
}
