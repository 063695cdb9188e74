import Foundation
import MemcachedOps
import MemcachedOpsLocal
import MemcachedOpsTLS
import Testing

@Suite("A local fleet's life", .enabled(if: memcachedInstalled))
struct FleetLifecycleTests {
    @Test("a new fleet runs plaintext pods that later processes find by pid and port")
    func newFleet() async throws {
        try await withFleet { test in
            let status = try await test.fleet.status()
            #expect(status.database.name == "memcd")
            #expect(status.database.namespace == "demo")
            #expect(status.database.spec.tls == nil)
            #expect(status.database.spec.replicas == 3)
            #expect(status.database.status?.phase == .ready)
            #expect(status.pods.map(\.name) == ["memcd-0", "memcd-1", "memcd-2"])
            for pod in status.pods {
                #expect(pod.ready)
                #expect(!pod.tls)
                #expect(pod.certificateSHA256 == nil)
                #expect(pod.pid != nil)
            }
            #expect(Set(status.pods.map(\.port)).count == 3)
            #expect(status.issuers.map(\.name) == ["local-ca"])
            #expect(status.issuers.first?.kind == "Issuer")
            let caFile = try #require(status.issuers.first?.caFile)
            #expect(try MemcachedOpsTLS.Certificate.load(contentsOf: caFile).first?.isCA == true)

            // Another process opens the directory and finds the same pods.
            let again = try LocalFleet.open(at: test.fleet.directory)
            let seen = try await again.status()
            #expect(seen.pods.map(\.pid) == status.pods.map(\.pid))
            #expect(seen.pods.allSatisfy { $0.ready })
            let pids = MemcachedProcesses.pids(under: test.directory)
            #expect(Set(pids) == Set(status.pods.compactMap(\.pid)))
        }
    }

    @Test("the status in JSON has the keys scripts read")
    func statusJSON() async throws {
        try await withFleet(replicas: 1) { test in
            let json = try await test.fleet.status().json
            #expect(json["database"]?["kind"]?.stringValue == "Memcached")
            let pod = try #require(json["pods"]?.arrayValue?.first)
            for key in ["name", "port", "pid", "ready", "tls", "certificateSHA256"] {
                #expect(pod[key] != nil, "pods[0] lacks \(key)")
            }
            let issuer = try #require(json["issuers"]?.arrayValue?.first)
            #expect(issuer["name"]?.stringValue == "local-ca")
            #expect(issuer["caFile"]?.stringValue?.hasSuffix("/ca.crt") == true)
            #expect(json["requests"]?.arrayValue == [])
        }
    }

    @Test("stop ends every pod by pid, and start brings them back on the same ports")
    func stopAndStart() async throws {
        try await withFleet { test in
            let before = try await test.fleet.status()
            try await test.fleet.stop()
            #expect(MemcachedProcesses.pids(under: test.directory).isEmpty)
            let stopped = try await test.fleet.status()
            #expect(stopped.pods.allSatisfy { !$0.ready && $0.pid == nil })

            try await test.fleet.start()
            let after = try await test.fleet.status()
            #expect(after.pods.allSatisfy { $0.ready })
            #expect(after.pods.map(\.port) == before.pods.map(\.port))
            #expect(after.pods.map(\.pid) != before.pods.map(\.pid))
            // Starting a running fleet changes nothing.
            try await test.fleet.start()
            #expect(try await test.fleet.status().pods.map(\.pid) == after.pods.map(\.pid))
        }
    }

    @Test("a restartable fleet keeps its cache across a stop and a start")
    func restartableKeepsCache() async throws {
        try await withFleet(replicas: 2, restartable: true) { test in
            let keys = try await CachedKeys.load(40, into: test.fleet)
            try await test.fleet.stop()
            try await test.fleet.start()
            #expect(try await keys.countKept(in: test.fleet) == 40)
        }
    }

    @Test("a plain fleet loses its cache across a stop and a start")
    func plainLosesCache() async throws {
        try await withFleet(replicas: 2) { test in
            let keys = try await CachedKeys.load(40, into: test.fleet)
            try await test.fleet.stop()
            try await test.fleet.start()
            #expect(try await keys.countKept(in: test.fleet) == 0)
        }
    }

    @Test(
        "creating a fleet over another is refused, and a missing memcached says how to install it")
    func refusals() async throws {
        try await withFleet(replicas: 1) { test in
            let error = await #expect(throws: LocalFleetError.self) {
                _ = try await LocalFleet.create(
                    at: test.fleet.directory, database: "other", replicas: 1)
            }
            #expect(error?.code == .alreadyExists)
        }
        let missing = await #expect(throws: LocalFleetError.self) {
            _ = try await LocalFleet.create(
                at: "/tmp/mcops-never-\(UUID())", database: "x", replicas: 1,
                options: LocalFleet.Options(memcachedPath: "/nonexistent/memcached"))
        }
        #expect(missing?.code == .memcachedMissing)
        #expect(missing?.description.contains("apt-get install memcached") == true)
        let notAFleet = #expect(throws: LocalFleetError.self) {
            _ = try LocalFleet.open(at: "/tmp")
        }
        #expect(notAFleet?.code == .notAFleet)
    }

    @Test("recording a request keeps the status of the one already recorded")
    func recordingIsIdempotent() async throws {
        try await withFleet(replicas: 1) { test in
            let fleet = test.fleet
            let request = fleet.makeRequest(named: "add", .addTLS(issuer: "local-ca"))
            let recorded = try fleet.record(request)
            #expect(recorded.namespace == "demo")
            #expect(recorded.metadata.creationTimestamp != nil)
            let outcome = try await test.reconciler().run(recorded)
            #expect(outcome.isSuccessful)

            let again = try fleet.record(request)
            #expect(again.status?.phase == .successful)
            let rerun = try await test.reconciler().run(again)
            #expect(rerun.isSuccessful)
            #expect(rerun.performed.isEmpty)

            var different = request
            different.spec.tls?.issuerRef?.name = "other"
            let conflict = #expect(throws: LocalFleetError.self) { try fleet.record(different) }
            #expect(conflict?.code == .invalidRequest)
        }
    }
}
