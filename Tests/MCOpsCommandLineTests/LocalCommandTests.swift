import Foundation
import MCOpsCommandLine
import Synchronization
import Testing

/// Standard output and error, captured.
private final class LocalTestIO: CommandIO {
    private let streams = Mutex<(out: String, err: String)>(("", ""))

    func out(_ text: String) { streams.withLock { $0.out += text } }
    func err(_ text: String) { streams.withLock { $0.err += text } }

    var output: String { streams.withLock { $0.out } }
    var errors: String { streams.withLock { $0.err } }
}

/// A directory under /tmp for one test: the fleet lives in `fleet/` inside it. Removing
/// it stops any memcached still running from it, and reports them.
private struct LocalTestDirectory {
    let path: String

    init() throws {
        var template = Array("/tmp/mcops-cli-test-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.flatMap { mkdtemp($0) }
        }
        guard made != nil else { throw CocoaError(.fileWriteUnknown) }
        path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        chmod(path, 0o755)
    }

    var fleet: String { path + "/fleet" }

    func write(_ name: String, _ text: String) throws -> String {
        let file = path + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }

    /// The running memcached processes whose command line names this directory.
    func memcachedPIDs() -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry -> Int32? in
            guard let pid = Int32(entry),
                let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline"),
                let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8)
            else { return nil }
            let command = String(decoding: data, as: UTF8.self)
            let state = stat.split(separator: ")").last?.split(separator: " ").first
            guard command.contains("memcached"), command.contains(path), state != "Z"
            else { return nil }
            return pid
        }
    }

    /// Kills what is left, removes the directory, and returns the pids that were left.
    func remove() async -> [Int32] {
        let left = memcachedPIDs()
        for pid in left { kill(pid, SIGKILL) }
        var tries = 0
        while !memcachedPIDs().isEmpty, tries < 100 {
            try? await Task.sleep(for: .milliseconds(20))
            tries += 1
        }
        try? FileManager.default.removeItem(atPath: path)
        return left
    }
}

private let memcachedInstalled = FileManager.default.isExecutableFile(
    atPath: "/usr/bin/memcached")

@Suite("mcops local, apply and demo", .enabled(if: memcachedInstalled))
struct LocalCommandTests {
    private func run(_ arguments: [String]) async -> (Int32, LocalTestIO) {
        let io = LocalTestIO()
        let status = await MCOpsTool.run(arguments, io: io)
        return (status, io)
    }

    private func statusJSON(_ directory: LocalTestDirectory) async throws -> [String: Any] {
        let (status, io) = await run([
            "local", "status", "--dir", directory.fleet, "--output", "json",
        ])
        #expect(status == 0, "\(io.errors)")
        return try #require(
            try JSONSerialization.jsonObject(with: Data(io.output.utf8)) as? [String: Any])
    }

    @Test("up, status, apply twice, issuer, apply, down: the whole life of a fleet")
    func wholeLife() async throws {
        let directory = try LocalTestDirectory()
        var left: [Int32] = []
        do {
            let (up, upIO) = await run([
                "local", "up", "--dir", directory.fleet, "--name", "memcd", "--replicas", "3",
            ])
            #expect(up == 0, "\(upIO.errors)")
            #expect(upIO.output.contains("Memcached default/memcd: Ready, no TLS"))

            var json = try await statusJSON(directory)
            let database = try #require(json["database"] as? [String: Any])
            #expect(database["kind"] as? String == "Memcached")
            #expect((database["metadata"] as? [String: Any])?["namespace"] as? String == "default")
            var pods = try #require(json["pods"] as? [[String: Any]])
            #expect(pods.count == 3)
            for pod in pods {
                #expect(pod["ready"] as? Bool == true)
                #expect(pod["tls"] as? Bool == false)
                #expect(pod["port"] is Int && pod["pid"] is Int)
                #expect(pod.keys.contains("certificateSHA256"))
            }
            let issuers = try #require(json["issuers"] as? [[String: Any]])
            #expect(issuers.first?["name"] as? String == "local-ca")
            #expect(
                FileManager.default.fileExists(atPath: issuers.first?["caFile"] as? String ?? ""))

            let add = try directory.write(
                "add.yaml",
                """
                apiVersion: ops.kubedb.com/v1alpha1
                kind: MemcachedOpsRequest
                metadata:
                  name: add-tls
                spec:
                  type: ReconfigureTLS
                  databaseRef:
                    name: memcd
                  tls:
                    issuerRef:
                      apiGroup: cert-manager.io
                      kind: Issuer
                      name: local-ca
                """)
            let (applied, applyIO) = await run(["apply", "--local", directory.fleet, add])
            #expect(applied == 0, "\(applyIO.errors)")
            let text = applyIO.output
            #expect(text.contains("Operation:    AddTLS"))
            #expect(text.contains("Progress:"))
            #expect(text.contains("EvictPod--memcd-2 ....."))
            #expect(text.contains("ResumeDatabase ....."))
            #expect(text.contains("Request default/add-tls is Successful"))

            json = try await statusJSON(directory)
            pods = try #require(json["pods"] as? [[String: Any]])
            #expect(pods.allSatisfy { $0["tls"] as? Bool == true && $0["ready"] as? Bool == true })
            let fingerprints = pods.compactMap { $0["certificateSHA256"] as? String }
            #expect(fingerprints.count == 3 && Set(fingerprints).count == 1)
            let requests = try #require(json["requests"] as? [[String: Any]])
            #expect(requests.first?["phase"] as? String == "Successful")
            let restarts = pods.map { $0["restartCount"] as? Int }

            // Applying a finished request again changes nothing.
            let (again, againIO) = await run(["apply", "--local", directory.fleet, add])
            #expect(again == 0)
            #expect(againIO.output.contains("Nothing to do: the request has ended (Successful)"))
            #expect(!againIO.output.contains("Progress:"))
            json = try await statusJSON(directory)
            pods = try #require(json["pods"] as? [[String: Any]])
            #expect(pods.map { $0["restartCount"] as? Int } == restarts)
            #expect(pods.compactMap { $0["certificateSHA256"] as? String } == fingerprints)

            let (issuer, issuerIO) = await run([
                "local", "issuer", "--dir", directory.fleet, "--name", "other-ca",
            ])
            #expect(issuer == 0, "\(issuerIO.errors)")
            #expect(issuerIO.output.contains("other-ca/ca/ca.crt"))
            let change = try directory.write(
                "change.json",
                """
                {"apiVersion": "ops.kubedb.com/v1alpha1", "kind": "MemcachedOpsRequest",
                 "metadata": {"name": "change", "namespace": "default"},
                 "spec": {"type": "ReconfigureTLS", "databaseRef": {"name": "memcd"},
                          "tls": {"issuerRef": {"kind": "Issuer", "name": "other-ca"}}}}
                """)
            let (changed, changeIO) = await run([
                "apply", "--local", directory.fleet, change, "--strategy", "reload",
            ])
            #expect(changed == 0, "\(changeIO.errors)")
            #expect(changeIO.output.contains("ReloadTLS--memcd-0 ....."))
            #expect(!changeIO.output.contains("EvictPod"))

            let (statusText, textIO) = await run(["local", "status", "--dir", directory.fleet])
            #expect(statusText == 0)
            #expect(textIO.output.contains("TLS from Issuer/other-ca"))
            #expect(textIO.output.contains("change   Successful"))

            let (down, downIO) = await run(["local", "down", "--dir", directory.fleet])
            #expect(down == 0, "\(downIO.errors)")
            #expect(downIO.output.contains("Stopped the 3 pods of default/memcd."))
            #expect(directory.memcachedPIDs().isEmpty)
            json = try await statusJSON(directory)
            pods = try #require(json["pods"] as? [[String: Any]])
            #expect(pods.allSatisfy { $0["ready"] as? Bool == false })

            // Up again on the same directory starts the same pods, on the same ports.
            let (upAgain, upAgainIO) = await run([
                "local", "up", "--dir", directory.fleet, "--name", "memcd", "--replicas", "3",
            ])
            #expect(upAgain == 0, "\(upAgainIO.errors)")
            #expect(upAgainIO.output.contains("Ready, TLS from Issuer/other-ca"))
            _ = await run(["local", "down", "--dir", directory.fleet])
        } catch {
            left = await directory.remove()
            throw error
        }
        left = await directory.remove()
        #expect(left.isEmpty, "memcached left running: \(left)")
    }

    @Test("apply exits 1 with the reason when a request is refused or cannot start")
    func failures() async throws {
        let directory = try LocalTestDirectory()
        do {
            let (up, upIO) = await run([
                "local", "up", "--dir", directory.fleet, "--name", "mc", "--replicas", "1",
                "--namespace", "demo",
            ])
            #expect(up == 0, "\(upIO.errors)")

            let rotate = try directory.write(
                "rotate.yaml",
                """
                apiVersion: ops.kubedb.com/v1alpha1
                kind: MemcachedOpsRequest
                metadata: {name: rotate, namespace: demo}
                spec:
                  type: ReconfigureTLS
                  databaseRef: {name: mc}
                  tls: {rotateCertificates: true}
                """)
            let (refused, refusedIO) = await run(["apply", "--local", directory.fleet, rotate])
            #expect(refused == 1)
            #expect(refusedIO.errors.contains("refused"), "\(refusedIO.errors)")

            let unknown = try directory.write(
                "unknown.yaml",
                """
                apiVersion: ops.kubedb.com/v1alpha1
                kind: MemcachedOpsRequest
                metadata: {name: unknown, namespace: demo}
                spec:
                  type: ReconfigureTLS
                  databaseRef: {name: mc}
                  tls: {issuerRef: {kind: Issuer, name: no-such-ca}}
                """)
            let (stuck, stuckIO) = await run([
                "apply", "--local", directory.fleet, unknown, "--start-limit", "1",
            ])
            #expect(stuck == 1)
            #expect(stuckIO.output.contains("blocked:"))
            #expect(stuckIO.errors.contains("could not start"), "\(stuckIO.errors)")
            if !stuckIO.errors.contains("no-such-ca") {
                let (_, statusIO) = await run(["local", "status", "--dir", directory.fleet])
                Issue.record("not blocked by the issuer: \(stuckIO.errors)\n\(statusIO.output)")
            }

            let other = try directory.write(
                "other.yaml",
                """
                apiVersion: ops.kubedb.com/v1alpha1
                kind: MemcachedOpsRequest
                metadata: {name: other, namespace: prod}
                spec: {type: ReconfigureTLS, databaseRef: {name: mc}, tls: {remove: true}}
                """)
            let (wrong, wrongIO) = await run(["apply", "--local", directory.fleet, other])
            #expect(wrong == 1)
            #expect(wrongIO.errors.contains("namespace"))

            let (usage, _) = await run(["apply", other])
            #expect(usage == 2)
            let (missing, _) = await run(["local", "up", "--name", "x", "--replicas", "1"])
            #expect(missing == 2)
            let (notAFleet, notAFleetIO) = await run(["local", "status", "--dir", directory.path])
            #expect(notAFleet == 1)
            #expect(notAFleetIO.errors.contains("mcops local up"))
            _ = await run(["local", "down", "--dir", directory.fleet])
        } catch {
            _ = await directory.remove()
            throw error
        }
        let left = await directory.remove()
        #expect(left.isEmpty, "memcached left running: \(left)")
    }

    @Test("the demo runs the four operations and prints a table; a missing memcached is explained")
    func demo() async throws {
        let (status, io) = await run(["demo", "--replicas", "2", "--keys", "40"])
        #expect(status == 0, "\(io.errors)")
        let text = io.output
        for operation in ["AddTLS", "RotateCertificates", "ChangeIssuer", "RemoveTLS"] {
            #expect(text.contains("Operation:    \(operation)"))
        }
        let table = try #require(text.components(separatedBy: "Summary").last)
        #expect(table.contains("cached keys kept"))
        let rotate = try #require(
            table.split(separator: "\n").first { $0.contains("RotateCertificates") })
        #expect(rotate.contains("Successful"))
        #expect(rotate.contains("40/40 (100%)"))
        #expect(text.contains("The fleet is stopped"))
        let directory = try #require(
            text.split(separator: "\n").first?.split(separator: " ").last.map(String.init))
        #expect(!FileManager.default.fileExists(atPath: directory))

        let (missing, missingIO) = await run(["demo", "--memcached", "/nonexistent/memcached"])
        #expect(missing == 1)
        #expect(missingIO.errors.contains("apt-get install memcached"))
    }
}
