import Foundation
import MemcachedOps
import MemcachedOpsYAML

/// `mcops plan`: shows what a `ReconfigureTLS` request will do next, in order, and why.
struct PlanCommand: Subcommand {
    let path = ["plan"]
    let summary = "Show the steps a ReconfigureTLS request takes, in order, with reasons"
    let help = """
        Usage: mcops plan --database FILE --request FILE [--state FILE]
                          [--strategy restart|reload|automatic] [--output text|json]
                          [--now TIME]

        Plans a ReconfigureTLS ops request against a Memcached database: the operation it
        asks for (AddTLS, RotateCertificates, ChangeIssuer, UpdateCertificates, RemoveTLS),
        the TLS configuration it leads to, and the steps still to do, each with the KubeDB
        condition it reports as and the reason for it.

        Without --state, the database is taken as at rest: its pods ready and serving what
        its spec.tls says, its certificates issued from it, its issuers Ready, nothing else
        in flight (a database without status is taken as Ready). With --state, what is true
        is read from a JSON file (see Documentation/Planner.md, "The state file"); its
        "database" may be left out when --database is given (and is then, without a status,
        taken as Ready too).

        Exit status: 0 with a plan (an empty one when there is nothing to do), 1 when the
        plan is refused, blocked or failing (the reason on standard error) or a file cannot
        be read, 2 for a usage error.

        Options:
          --database FILE   The Memcached object (YAML or JSON). Required without --state.
          --request FILE    The MemcachedOpsRequest (YAML or JSON), with its status if any.
          --state FILE      What is true now, as JSON.
          --strategy NAME   restart (evict each pod, as KubeDB), reload (refresh_certs,
                            no restart) or automatic (reload where TLS stays on; the
                            default).
          --output FORMAT   text (the default) or json.
          --now TIME        The time to plan for, RFC 3339 (default: the current time);
                            it matters for spec.timeout.
          -h, --help        Show this help.
        """

    func run(_ arguments: [String], io: any CommandIO) async -> Int32 {
        let options: Options
        do {
            options = try Options(arguments)
        } catch {
            io.errorLine("mcops plan: \(error); see 'mcops plan --help'")
            return ExitCode.usage
        }

        let input: (MemcachedOpsRequest, ObservedState)
        do {
            input = try readInput(options)
        } catch {
            io.errorLine("mcops plan: \(error)")
            return ExitCode.failure
        }
        let (request, state) = input

        let plan = TLSPlanner.plan(
            request: request, state: state, options: PlanOptions(strategy: options.strategy),
            now: options.now)
        switch options.output {
        case "json":
            io.line(JSONWriter.string(plan.json, style: .pretty))
        default:
            io.out(PlanText(plan: plan, request: request).render())
        }
        switch plan.disposition {
        case .proceed, .finished:
            return ExitCode.success
        case .blocked, .failing, .refused:
            io.errorLine("mcops plan: \(plan.disposition.name): \(plan.disposition.message ?? "")")
            return ExitCode.failure
        }
    }

    /// The command line, checked.
    struct Options {
        var database: String?
        var request: String
        var state: String?
        var strategy: ReloadStrategy
        var output: String
        var now: Timestamp

        init(_ arguments: [String]) throws(ArgumentScanner.UsageError) {
            let scanner = try ArgumentScanner(
                arguments,
                valueOptions: ["database", "request", "state", "strategy", "output", "now"])
            if let extra = scanner.positionals.first {
                throw ArgumentScanner.UsageError(description: "unexpected argument \"\(extra)\"")
            }
            guard let request = scanner.value("request") else {
                throw ArgumentScanner.UsageError(description: "--request FILE is required")
            }
            self.request = request
            database = scanner.value("database")
            state = scanner.value("state")
            guard database != nil || state != nil else {
                throw ArgumentScanner.UsageError(
                    description: "--database FILE is required without --state")
            }
            let strategyName = try scanner.choice(
                "strategy", ReloadStrategy.allCases.map(\.rawValue), default: "automatic")
            strategy = ReloadStrategy(rawValue: strategyName) ?? .automatic
            output = try scanner.choice("output", ["text", "json"], default: "text")
            if let text = scanner.value("now") {
                guard let time = Timestamp(text) else {
                    throw ArgumentScanner.UsageError(
                        description: "--now must be an RFC 3339 time such as "
                            + "2024-11-15T11:10:37Z, not \"\(text)\"")
                }
                now = time
            } else {
                now = Timestamp(secondsSinceEpoch: Int64(Date().timeIntervalSince1970))
            }
        }
    }

    /// A problem with the files, reported with exit status 1.
    struct InputError: Error, CustomStringConvertible {
        let description: String
    }

    private func readInput(_ options: Options) throws -> (MemcachedOpsRequest, ObservedState) {
        let request = try readOne(options.request, kind: "MemcachedOpsRequest") { manifest in
            if case .opsRequest(let request) = manifest { return request }
            return nil
        }
        var database: Memcached?
        if let file = options.database {
            database = try readOne(file, kind: "Memcached") { manifest in
                if case .memcached(let database) = manifest { return database }
                return nil
            }
        }
        guard let file = options.state else {
            guard let database else { throw InputError(description: "no database given") }
            return (
                request,
                ObservedState.settled(
                    database: database,
                    assumingReadyIssuers: request.spec.tls?.issuerRef.map { [$0] } ?? [])
            )
        }
        return (request, try readState(file, database: database))
    }

    private func readOne<Value>(
        _ file: String, kind: String, _ pick: (Manifest) -> Value?
    ) throws -> Value {
        let manifests: [Manifest]
        do {
            manifests = try ManifestFile.read(atPath: file)
        } catch {
            throw InputError(description: error.description)
        }
        guard let value = manifests.lazy.compactMap(pick).first else {
            throw InputError(description: "\(file): no \(kind) found")
        }
        return value
    }

    private func readState(_ file: String, database: Memcached?) throws -> ObservedState {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw InputError(description: "\(file): cannot read the file")
        }
        do {
            var json = try JSONDecoder().decode(JSONValue.self, from: data)
            if case .object(var object) = json, object["database"] == nil, var database {
                if database.status == nil { database.status = MemcachedStatus(phase: .ready) }
                object["database"] = database.json
                json = .object(object)
            }
            return try JSONDecoder().decode(
                ObservedState.self, from: try JSONEncoder().encode(json))
        } catch let error as DecodingError {
            throw InputError(description: "\(file): \(Self.describe(error))")
        } catch {
            throw InputError(description: "\(file): \(error)")
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let text = context.codingPath.map { key in
                key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)"
            }.joined()
            return text.hasPrefix(".") ? String(text.dropFirst()) : (text.isEmpty ? "." : text)
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "\(path(context)): required key \"\(key.stringValue)\" is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context),
            .dataCorrupted(let context):
            return "\(path(context)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}

extension PlanCommand {
    /// The text form of a plan: the operation, the desired configuration in short, numbered
    /// steps with their reasons, and a closing summary line.
    struct PlanText {
        let plan: Plan
        let request: MemcachedOpsRequest

        func render() -> String {
            var lines: [String] = []
            lines.append(
                "ReconfigureTLS request \(request.namespace)/\(request.name) on Memcached "
                    + "\(plan.namespace)/\(plan.database)")
            lines.append("")
            lines.append("  Operation:    \(plan.operation?.rawValue ?? "none recognised")")
            lines.append("  Strategy:     \(strategyLine)")
            lines += desiredLines
            lines.append("")

            if plan.steps.isEmpty {
                lines.append(closingLine)
                return lines.joined(separator: "\n") + "\n"
            }
            lines.append("Steps:")
            let numberWidth = String(plan.steps.count).count
            let indent = String(repeating: " ", count: numberWidth + 4)
            for (index, step) in plan.steps.enumerated() {
                let number = String(index + 1)
                let padding = String(repeating: " ", count: numberWidth - number.count)
                var line = "  \(padding)\(number). \(step.condition)"
                if !step.condition.hasSuffix(step.target), step.target != plan.database {
                    line += "  \(step.target)"
                }
                if step.attempt > 1 { line += "  (attempt \(step.attempt))" }
                lines.append(line)
                lines += Self.wrap(step.reason, indent: indent)
            }
            lines.append("")
            lines.append(closingLine)
            return lines.joined(separator: "\n") + "\n"
        }

        private var strategyLine: String {
            let restarts = plan.steps.contains { $0.action == .evictPod }
            let reloads = plan.steps.contains { $0.action == .reloadPod }
            let how: String
            switch (restarts, reloads) {
            case (true, true): how = "some pods restart, the others reload with refresh_certs"
            case (true, false): how = "pods restart one at a time"
            case (false, true): how = "pods reload with refresh_certs, without a restart"
            case (false, false): how = "no pod is touched"
            }
            return "\(plan.strategy.rawValue) (\(how))"
        }

        private var desiredLines: [String] {
            guard let tls = plan.desiredTLS else {
                return plan.operation == .removeTLS ? ["  Desired TLS:  none (TLS removed)"] : []
            }
            var lines = ["  Desired TLS:"]
            var rows: [(String, String)] = []
            if let issuer = tls.issuerRef {
                rows.append(("issuer", "\(issuer.kind)/\(issuer.name)"))
            }
            for certificate in tls.certificates ?? [] {
                var detail = certificate.secretName ?? ""
                let names = (certificate.dnsNames ?? []) + (certificate.ipAddresses ?? [])
                if !names.isEmpty { detail += ": " + names.joined(separator: ", ") }
                if let issuer = certificate.issuerRef {
                    detail += " (issuer \(issuer.kind)/\(issuer.name))"
                }
                if let duration = certificate.duration { detail += " (valid \(duration.text))" }
                rows.append((certificate.alias, detail))
            }
            let width = rows.map(\.0.count).max() ?? 0
            for (key, value) in rows {
                let label = "    " + key.padding(toLength: width, withPad: " ", startingAt: 0)
                var wrapped = Self.wrap(value, indent: String(repeating: " ", count: width + 6))
                if let first = wrapped.first {
                    wrapped[0] = label + "  " + first.drop(while: { $0 == " " })
                }
                lines += wrapped
            }
            return lines
        }

        private var closingLine: String {
            let steps = plan.steps
            func count(_ action: StepAction) -> Int { steps.filter { $0.action == action }.count }
            let certificates =
                count(.applyCertificate)
                + (steps.contains { $0.action == .reissueCertificates }
                    ? (plan.desiredTLS?.certificates?.count ?? 0) : 0)
            let summary =
                "Plan: \(plural(steps.count, "step")): "
                + "\(plural(certificates, "certificate")) to issue, "
                + "\(plural(count(.evictPod), "pod")) to restart, "
                + "\(count(.reloadPod)) to reload, "
                + "\(plural(count(.deleteCertificate), "certificate")) to delete."
            switch plan.disposition {
            case .proceed:
                return summary
            case .finished:
                let phase = request.status?.phase?.rawValue ?? "ended"
                return "Nothing to do: the request has ended (\(phase))."
            case .blocked(let reason):
                return summary + "\nBlocked: \(reason.message)."
            case .failing(let failure):
                return summary + "\nFailing: \(failure.message); the database is resumed."
            case .refused(let refusal):
                return "Refused: \(refusal.message)."
            }
        }

        /// Splits text into lines of at most 100 columns at spaces, each indented.
        static func wrap(_ text: String, indent: String, width: Int = 100) -> [String] {
            var lines: [String] = []
            var line = indent
            for word in text.split(separator: " ") {
                if line.count > indent.count, line.count + 1 + word.count > width {
                    lines.append(line)
                    line = indent
                }
                line += (line.count > indent.count ? " " : "") + word
            }
            lines.append(line)
            return lines
        }

        private func plural(_ count: Int, _ noun: String) -> String {
            "\(count) \(noun)\(count == 1 ? "" : "s")"
        }
    }
}
