import Foundation
import MemcachedOps
import MemcachedOpsLocal

/// What the `mcops local ...` commands share: argument checks, errors, the status text.
enum LocalCommandSupport {
    /// The value of a required `--name VALUE` option.
    static func required(_ scanner: ArgumentScanner, _ name: String)
        throws(ArgumentScanner.UsageError) -> String
    {
        guard let value = scanner.value(name), !value.isEmpty else {
            throw ArgumentScanner.UsageError(
                description: "--\(name) \(name.uppercased()) is required")
        }
        return value
    }

    /// Refuses positional arguments.
    static func noPositionals(_ scanner: ArgumentScanner) throws(ArgumentScanner.UsageError) {
        if let extra = scanner.positionals.first {
            throw ArgumentScanner.UsageError(description: "unexpected argument \"\(extra)\"")
        }
    }

    /// Reports a usage error and returns exit status 2.
    static func usage(_ command: String, _ error: any Error, io: any CommandIO) -> Int32 {
        io.errorLine("mcops \(command): \(error); see 'mcops \(command) --help'")
        return ExitCode.usage
    }

    /// Reports a failure and returns exit status 1.
    static func fail(_ command: String, _ error: any Error, io: any CommandIO) -> Int32 {
        io.errorLine("mcops \(command): \(error)")
        return ExitCode.failure
    }

    /// The text form of a fleet's status: the database, then tables of pods, issuers and
    /// requests.
    static func statusText(_ status: LocalFleetStatus, fleet: LocalFleet) -> String {
        let database = status.database
        var lines: [String] = []
        var header =
            "Memcached \(database.namespace)/\(database.name): "
            + (database.status?.phase?.rawValue ?? "Unknown")
        if database.status?.conditions?.isTrue("Paused") == true { header += ", paused" }
        if let tls = database.spec.tls {
            let issuer = tls.issuerRef.map { "\($0.kind)/\($0.name)" } ?? "no issuer"
            header += ", TLS from \(issuer)"
        } else {
            header += ", no TLS"
        }
        if fleet.isRestartable { header += ", restartable" }
        lines.append(header)
        lines.append("Directory: \(fleet.directory)")
        lines.append("")

        var pods = [
            [
                "POD", "ADDRESS", "PID", "READY", "TLS", "CERTIFICATE SHA-256", "RESTARTS",
                "RELOADS",
            ]
        ]
        for pod in status.pods {
            pods.append([
                pod.name, "127.0.0.1:\(pod.port)", pod.pid.map(String.init) ?? "-",
                pod.ready ? "yes" : "no", pod.tls ? "yes" : "no",
                pod.certificateSHA256.map { String($0.prefix(16)) + "…" } ?? "-",
                String(pod.restartCount), String(pod.reloadCount),
            ])
        }
        lines += table(pods)
        lines.append("")
        var issuers = [["ISSUER", "KIND", "READY", "CA FILE (clients trust it)"]]
        for issuer in status.issuers {
            issuers.append([issuer.name, issuer.kind, issuer.ready ? "yes" : "no", issuer.caFile])
        }
        lines += table(issuers)
        if !status.requests.isEmpty {
            lines.append("")
            var requests = [["REQUEST", "PHASE", "LAST CONDITION"]]
            for request in status.requests {
                let last = request.conditions.last.map { "\($0.type) \($0.status.rawValue)" }
                requests.append([request.name, request.phase ?? "Pending", last ?? "-"])
            }
            lines += table(requests)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Rows as left-aligned columns two spaces apart.
    static func table(_ rows: [[String]]) -> [String] {
        let columns = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in rows {
            for (index, cell) in row.enumerated() {
                widths[index] = max(widths[index], cell.count)
            }
        }
        return rows.map { row in
            var line = ""
            for (index, cell) in row.enumerated() {
                line +=
                    index == row.count - 1
                    ? cell
                    : cell.padding(
                        toLength: widths[index] + 2, withPad: " ", startingAt: 0)
            }
            return line
        }
    }
}
