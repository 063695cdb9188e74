import Foundation
import MCOpsCommandLine
import MemcachedOps
import Synchronization
import Testing

/// Standard output and error, captured.
private final class PlanTestIO: CommandIO {
    private let streams = Mutex<(out: String, err: String)>(("", ""))

    func out(_ text: String) { streams.withLock { $0.out += text } }
    func err(_ text: String) { streams.withLock { $0.err += text } }

    var output: String { streams.withLock { $0.out } }
    var errors: String { streams.withLock { $0.err } }
}

/// Writes manifests as JSON files in a fresh directory.
private struct PlanTestFiles {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "mcops-plan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }

    static let database = """
        {"apiVersion": "kubedb.com/v1", "kind": "Memcached",
         "metadata": {"name": "memcd-quickstart", "namespace": "demo"},
         "spec": {"replicas": 2, "version": "1.6.40",
           "tls": {"issuerRef": {"apiGroup": "cert-manager.io", "kind": "Issuer",
                                 "name": "memcached-ca-issuer"}}}}
        """

    static let plainDatabase = """
        {"apiVersion": "kubedb.com/v1", "kind": "Memcached",
         "metadata": {"name": "memcd-quickstart", "namespace": "demo"},
         "spec": {"replicas": 1, "version": "1.6.40", "deletionPolicy": "WipeOut"}}
        """

    static func request(_ tls: String, name: String = "mc-req") -> String {
        """
        {"apiVersion": "ops.kubedb.com/v1alpha1", "kind": "MemcachedOpsRequest",
         "metadata": {"name": "\(name)", "namespace": "demo"},
         "spec": {"type": "ReconfigureTLS", "databaseRef": {"name": "memcd-quickstart"},
                  "tls": \(tls)}}
        """
    }
}

@Suite("mcops plan")
struct PlanCommandTests {
    private func run(_ arguments: [String]) async -> (Int32, PlanTestIO) {
        let io = PlanTestIO()
        let status = await MCOpsTool.run(["plan"] + arguments, io: io)
        return (status, io)
    }

    @Test("a rotation plan in text reads like a plan, with a summary line")
    func text() async throws {
        let files = try PlanTestFiles()
        defer { files.remove() }
        let database = try files.write("db.json", PlanTestFiles.database)
        let request = try files.write(
            "rq.json", PlanTestFiles.request(#"{"rotateCertificates": true}"#))
        let (status, io) = await run([
            "--database", database, "--request", request, "--strategy", "restart",
            "--now", "2024-11-18T06:14:21Z",
        ])
        #expect(status == 0)
        #expect(io.errors.isEmpty)
        let text = io.output
        #expect(text.contains("Operation:    RotateCertificates"))
        #expect(text.contains("Strategy:     restart (pods restart one at a time)"))
        #expect(text.contains("1. PauseDatabase"))
        #expect(text.contains("EvictPod--memcd-quickstart-1"))
        #expect(
            text.contains("    server            memcd-quickstart-server-cert: memcd-quickstart,"))
        #expect(
            text.contains("   4. EvictPod--memcd-quickstart-0\n      restart memcd-quickstart-0"))
        #expect(
            text.contains(
                "Plan: 11 steps: 3 certificates to issue, 2 pods to restart, 0 to reload, "
                    + "0 certificates to delete."))
    }

    @Test("JSON output has the documented keys")
    func json() async throws {
        let files = try PlanTestFiles()
        defer { files.remove() }
        let database = try files.write("db.json", PlanTestFiles.database)
        let request = try files.write(
            "rq.json", PlanTestFiles.request(#"{"rotateCertificates": true}"#))
        let (status, io) = await run([
            "--database", database, "--request", request, "--output", "json",
        ])
        #expect(status == 0)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(io.output.utf8)) as? [String: Any])
        #expect(object["operation"] as? String == "RotateCertificates")
        #expect(object["strategy"] as? String == "automatic")
        #expect(object["desiredTLS"] is [String: Any])
        let steps = try #require(object["steps"] as? [[String: Any]])
        #expect(steps.first?["action"] as? String == "pauseDatabase")
        #expect(steps.contains { $0["condition"] as? String == "ReloadTLS--memcd-quickstart-0" })
        #expect(
            Set(steps.first?.keys.map { $0 } ?? []) == [
                "action", "condition", "target", "reason", "attempt",
            ])
    }

    @Test("removing TLS shows desiredTLS as null")
    func removeJSON() async throws {
        let files = try PlanTestFiles()
        defer { files.remove() }
        let database = try files.write("db.json", PlanTestFiles.database)
        let request = try files.write("rq.json", PlanTestFiles.request(#"{"remove": true}"#))
        let (status, io) = await run([
            "--database", database, "--request", request, "--output", "json",
        ])
        #expect(status == 0)
        #expect(
            io.output.contains(#""desiredTLS" : null"#)
                || io.output.contains(#""desiredTLS": null"#))
    }

    @Test("a refused request exits 1 with the reason on standard error")
    func refused() async throws {
        let files = try PlanTestFiles()
        defer { files.remove() }
        let database = try files.write("db.json", PlanTestFiles.plainDatabase)
        let request = try files.write(
            "rq.json", PlanTestFiles.request(#"{"rotateCertificates": true}"#))
        let (status, io) = await run(["--database", database, "--request", request])
        #expect(status == 1)
        #expect(io.errors.contains("refused: cannot rotate certificates"))
        #expect(io.output.contains("Refused:"))
    }

    @Test("a blocked plan exits 1 and still shows the steps")
    func blocked() async throws {
        let files = try PlanTestFiles()
        defer { files.remove() }
        let database = try files.write("db.json", PlanTestFiles.database)
        let request = try files.write(
            "rq.json",
            PlanTestFiles.request(#"{"issuerRef": {"kind": "Issuer", "name": "new-ca"}}"#))
        let state = try files.write(
            "state.json",
            #"{"issuers": [{"name": "memcached-ca-issuer", "ready": true}, {"name": "new-ca"}]}"#)
        let (status, io) = await run([
            "--database", database, "--request", request, "--state", state,
        ])
        #expect(status == 1)
        #expect(io.errors.contains("blocked: Issuer new-ca is not Ready"))
        #expect(io.output.contains("Blocked: Issuer new-ca is not Ready."))
        #expect(io.output.contains("Operation:    ChangeIssuer"))
    }

    @Test("a finished request plans nothing and exits 0")
    func finished() async throws {
        let files = try PlanTestFiles()
        defer { files.remove() }
        let database = try files.write("db.json", PlanTestFiles.database)
        let request = try files.write(
            "rq.json",
            """
            {"apiVersion": "ops.kubedb.com/v1alpha1", "kind": "MemcachedOpsRequest",
             "metadata": {"name": "done", "namespace": "demo"},
             "spec": {"type": "ReconfigureTLS", "databaseRef": {"name": "memcd-quickstart"},
                      "tls": {"rotateCertificates": true}},
             "status": {"phase": "Successful"}}
            """)
        let (status, io) = await run(["--database", database, "--request", request])
        #expect(status == 0)
        #expect(io.output.contains("Nothing to do: the request has ended (Successful)."))
    }

    @Test(
        "usage errors exit 2",
        arguments: [
            ["--request"], ["--database", "x"],
            ["--request", "r", "--database", "d", "--strategy", "fast"],
            ["--request", "r", "--database", "d", "--output", "yaml"],
            ["--request", "r", "--database", "d", "--now", "yesterday"],
            ["--request", "r", "--database", "d", "extra"], ["--request", "r", "--bogus"],
        ])
    func usage(_ arguments: [String]) async {
        let (status, io) = await run(arguments)
        #expect(status == 2)
        #expect(io.errors.hasPrefix("mcops plan: "))
    }

    @Test("a missing file exits 1")
    func missingFile() async {
        let (status, io) = await run([
            "--database", "/nonexistent/db.yaml", "--request", "/nonexistent/rq.yaml",
        ])
        #expect(status == 1)
        #expect(!io.errors.isEmpty)
    }

    @Test("a malformed state file is reported with its path")
    func badState() async throws {
        let files = try PlanTestFiles()
        defer { files.remove() }
        let database = try files.write("db.json", PlanTestFiles.database)
        let request = try files.write("rq.json", PlanTestFiles.request(#"{"remove": true}"#))
        let state = try files.write("state.json", #"{"pods": [{"ready": true}]}"#)
        let (status, io) = await run([
            "--database", database, "--request", request, "--state", state,
        ])
        #expect(status == 1)
        #expect(io.errors.contains("state.json: pods[0]: required key \"name\" is missing"))
    }

    @Test("help explains the command")
    func help() async {
        let (status, io) = await run(["--help"])
        #expect(status == 0)
        #expect(io.output.hasPrefix("Usage: mcops plan --database FILE --request FILE"))
    }
}
