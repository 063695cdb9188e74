import Foundation
import MemcachedOps
import MemcachedOpsLocal
import MemcachedOpsRuntime

#if canImport(Glibc)
    import Glibc
#endif

/// `mcops demo`: the package's main job, shown on a real three-pod fleet.
struct DemoCommand: Subcommand {
    let path = ["demo"]
    let summary = "Add TLS, rotate, change issuer and remove TLS on a real local fleet"
    let help = """
        Usage: mcops demo [--replicas N] [--keys N] [--strategy NAME] [--restartable]
                          [--keep] [--memcached PATH]

        Starts a fleet of memcached pods on 127.0.0.1 in a temporary directory, stores
        keys in it, and, while a client keeps reading and writing every pod, carries out
        four ReconfigureTLS requests, each with its plan and progress:

          1. add TLS with certificates from the CA issuer local-ca,
          2. rotate the certificates,
          3. change the issuer to another CA, other-ca,
          4. remove TLS.

        Then it prints a table: per operation, the time it took, the client requests that
        failed, and the cached keys kept; and stops the fleet. With the default strategy
        (automatic), adding and removing TLS restart the pods one at a time, and rotating
        and changing the issuer reload them live with refresh_certs.

        Needs only Debian's memcached package (apt-get install memcached).

        Options:
          --replicas N      Pods in the fleet (default: 3).
          --keys N          Keys stored before each operation (default: 300).
          --strategy NAME   restart, reload or automatic (the default). With reload,
                            adding and removing TLS use automatic, as they must restart.
          --restartable     Run memcached with -e (a memory file), so that restarts keep
                            the cache.
          --keep            Keep the fleet running and its directory afterwards.
          --memcached PATH  The memcached program (default: /usr/bin/memcached).
          -h, --help        Show this help.
        """

    /// One row of the closing table.
    private struct Row {
        var operation: String
        var strategy: ReloadStrategy
        var result: LocalRequestRunner.Result
        var traffic: TrafficReport
        var kept: Int
        var keys: Int
    }

    func run(_ arguments: [String], io: any CommandIO) async -> Int32 {
        signal(SIGPIPE, SIG_IGN)
        let replicas: Int
        let keyCount: Int
        let strategy: ReloadStrategy
        let options: LocalFleet.Options
        let keep: Bool
        do {
            let scanner = try ArgumentScanner(
                arguments, valueOptions: ["replicas", "keys", "strategy", "memcached"],
                flagOptions: ["restartable", "keep"])
            try LocalCommandSupport.noPositionals(scanner)
            replicas = try Self.number(scanner, "replicas", default: 3, minimum: 1)
            keyCount = try Self.number(scanner, "keys", default: 300, minimum: 0)
            let name = try scanner.choice(
                "strategy", ReloadStrategy.allCases.map(\.rawValue), default: "automatic")
            strategy = ReloadStrategy(rawValue: name) ?? .automatic
            options = LocalFleet.Options(
                memcachedPath: scanner.value("memcached") ?? LocalFleet.defaultMemcachedPath,
                restartable: scanner.flag("restartable"))
            keep = scanner.flag("keep")
        } catch {
            return LocalCommandSupport.usage("demo", error, io: io)
        }
        guard LocalFleet.isMemcachedInstalled(at: options.memcachedPath) else {
            io.errorLine("mcops demo: \(LocalFleet.installHint)")
            return ExitCode.failure
        }
        guard let directory = Self.temporaryDirectory() else {
            io.errorLine("mcops demo: cannot create a directory under /tmp")
            return ExitCode.failure
        }

        io.line("mcops demo: a Memcached of \(replicas) real memcached pods in \(directory)")
        let fleet: LocalFleet
        do {
            fleet = try await LocalFleet.create(
                at: directory + "/fleet", database: "memcd", namespace: "demo",
                replicas: replicas, options: options)
            try fleet.addIssuer(named: "other-ca")
        } catch {
            io.errorLine("mcops demo: \(error)")
            try? FileManager.default.removeItem(atPath: directory)
            return ExitCode.failure
        }
        if let status = try? await fleet.status() {
            io.out(LocalCommandSupport.statusText(status, fleet: fleet))
        }

        let rows = await operate(
            fleet, strategy: strategy, keys: keyCount, io: io)
        io.line()
        io.out(Self.table(rows, replicas: replicas, restartable: options.restartable))

        if keep {
            io.line()
            io.line("The fleet keeps running. See it with")
            io.line("  mcops local status --dir \(fleet.directory)")
            io.line("and stop it with")
            io.line("  mcops local down --dir \(fleet.directory)")
        } else {
            do {
                try await fleet.stop()
                io.line()
                io.line("The fleet is stopped and \(directory) removed.")
            } catch {
                io.errorLine("mcops demo: \(error)")
            }
            try? FileManager.default.removeItem(atPath: directory)
        }
        let allSuccessful = rows.count == 4 && rows.allSatisfy(\.result.successful)
        return allSuccessful ? ExitCode.success : ExitCode.failure
    }

    /// Runs the four requests while a client reads and writes; stops at the first that
    /// fails.
    private func operate(
        _ fleet: LocalFleet, strategy: ReloadStrategy, keys keyCount: Int, io: any CommandIO
    ) async -> [Row] {
        let switching: ReloadStrategy = strategy == .reload ? .automatic : strategy
        let operations: [(String, String, LocalFleet.TLSChange, ReloadStrategy)] = [
            ("AddTLS", "add-tls", .addTLS(issuer: "local-ca"), switching),
            ("RotateCertificates", "rotate", .rotateCertificates, strategy),
            ("ChangeIssuer", "change-issuer", .changeIssuer(to: "other-ca"), strategy),
            ("RemoveTLS", "remove-tls", .removeTLS, switching),
        ]
        let traffic = FleetTraffic(fleet: fleet)
        var rows: [Row] = []
        do {
            try traffic.start()
        } catch {
            io.errorLine("mcops demo: \(error)")
            return rows
        }
        for (index, (title, name, change, strategy)) in operations.enumerated() {
            io.line()
            io.line(String(repeating: "=", count: 80))
            io.line(
                "\(index + 1). \(title) (\(strategy)), \(keyCount) keys cached, "
                    + "a client reading and writing")
            io.line(String(repeating: "=", count: 80))
            do {
                let keys = try await CachedKeys.load(keyCount, into: fleet, prefix: name)
                let request = try fleet.record(fleet.makeRequest(named: name, change))
                traffic.reset()
                let runner = LocalRequestRunner(fleet: fleet, strategy: strategy, io: io)
                let result = await runner.run(request)
                let report = traffic.reset()
                let kept = try await keys.countKept(in: fleet)
                rows.append(
                    Row(
                        operation: title, strategy: strategy, result: result, traffic: report,
                        kept: kept, keys: keyCount))
                if result.successful {
                    io.line(
                        "\(title): Successful in \(LocalRequestRunner.seconds(result.elapsed)).")
                } else {
                    io.errorLine("mcops demo: \(title) failed: \(result.reason ?? "unknown")")
                    break
                }
            } catch {
                io.errorLine("mcops demo: \(title): \(error)")
                break
            }
        }
        _ = await traffic.stop()
        return rows
    }

    /// The closing table.
    private static func table(_ rows: [Row], replicas: Int, restartable: Bool) -> String {
        var cells = [
            [
                "operation", "strategy", "result", "time", "client requests", "failed",
                "p99 latency", "cached keys kept",
            ]
        ]
        for row in rows {
            let percent = row.keys == 0 ? 100 : row.kept * 100 / row.keys
            cells.append([
                row.operation, row.strategy.rawValue,
                row.result.successful ? "Successful" : "Failed",
                LocalRequestRunner.seconds(row.result.elapsed), String(row.traffic.requests),
                String(row.traffic.failures),
                row.traffic.percentile(0.99).map(Self.milliseconds) ?? "-",
                "\(row.kept)/\(row.keys) (\(percent)%)",
            ])
        }
        var text =
            "Summary (\(replicas) pods\(restartable ? ", restartable memcached (-e)" : ""); "
            + "the client sends a get or a set to every pod every 5 ms):\n\n"
        text += LocalCommandSupport.table(cells).map { "  " + $0 }.joined(separator: "\n")
        text += "\n"
        return text
    }

    private static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let tenths = Int(seconds) * 10_000 + Int(attoseconds / 100_000_000_000_000)
        return "\(tenths / 10).\(tenths % 10) ms"
    }

    private static func number(
        _ scanner: ArgumentScanner, _ name: String, default fallback: Int, minimum: Int
    ) throws(ArgumentScanner.UsageError) -> Int {
        guard let text = scanner.value(name) else { return fallback }
        guard let value = Int(text), value >= minimum else {
            throw ArgumentScanner.UsageError(
                description: "--\(name) must be a number of at least \(minimum), not \"\(text)\"")
        }
        return value
    }

    private static func temporaryDirectory() -> String? {
        var template = Array("/tmp/mcops-demo-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.flatMap { mkdtemp($0) }
        }
        guard made != nil else { return nil }
        let path = String(
            decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // memcached drops root to its own user and must reach its files inside.
        chmod(path, 0o755)
        return path
    }
}
