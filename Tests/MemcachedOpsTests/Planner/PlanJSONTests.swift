import Foundation
import Testing

@testable import MemcachedOps

@Suite("The plan's JSON and the state file")
struct PlanJSONTests {
    typealias Fixtures = PlannerFixtures

    @Test("the plan's JSON has the documented keys")
    func planKeys() throws {
        let plan = TLSPlanner.plan(
            request: Fixtures.request("r", tls: Fixtures.tls(for: .rotateCertificates)),
            state: Fixtures.startingState(for: .rotateCertificates), now: Fixtures.start)
        let object = try #require(plan.json.objectValue)
        #expect(
            object.keys == [
                "database", "namespace", "operation", "strategy", "disposition", "problem",
                "desiredTLS", "steps",
            ])
        #expect(object["operation"] == "RotateCertificates")
        #expect(object["strategy"] == "automatic")
        #expect(object["problem"] == .null)
        let step = try #require(object["steps"]?.arrayValue?.first?.objectValue)
        #expect(step.keys == ["action", "condition", "target", "reason", "attempt"])
        #expect(step["action"] == "pauseDatabase")
        #expect(step["condition"] == "PauseDatabase")
    }

    @Test("removing TLS shows desiredTLS null, a refusal shows the problem")
    func nulls() throws {
        let remove = TLSPlanner.plan(
            request: Fixtures.request("r", tls: Fixtures.tls(for: .removeTLS)),
            state: Fixtures.startingState(for: .removeTLS), now: Fixtures.start)
        #expect(remove.json["desiredTLS"] == .null)
        let refused = TLSPlanner.plan(
            request: Fixtures.request("r", tls: ReconfigureTLSSpec(remove: true)),
            state: .settled(database: Fixtures.database()), now: Fixtures.start)
        #expect(refused.json["disposition"] == "refused")
        #expect(refused.json["problem"]?["code"] == "removeWithoutTLS")
        #expect(refused.json["steps"] == [])
    }

    @Test("a state file with only the essentials decodes with defaults")
    func stateDefaults() throws {
        let text = """
            {
              "database": {
                "apiVersion": "kubedb.com/v1", "kind": "Memcached",
                "metadata": {"name": "memcd-quickstart", "namespace": "demo"},
                "spec": {"version": "1.6.40", "replicas": 2},
                "status": {"phase": "Ready"}
              },
              "issuers": [{"name": "memcached-ca-issuer", "ready": true}],
              "pods": [
                {"name": "memcd-quickstart-0", "ready": true}, {"name": "memcd-quickstart-1"}
              ],
              "certificates": [
                {"alias": "server", "name": "memcd-quickstart-server-cert",
                 "notAfter": "2025-02-13T11:10:45Z"}
              ],
              "otherRequests": [
                {"name": "mc-scale", "type": "HorizontalScaling", "phase": "Progressing"}
              ]
            }
            """
        let state = try JSONDecoder().decode(ObservedState.self, from: Data(text.utf8))
        #expect(state.database.effectiveReplicas == 2)
        #expect(state.issuers == [ObservedIssuer(name: "memcached-ca-issuer", ready: true)])
        #expect(state.pods.map(\.ready) == [true, false])
        #expect(state.certificates.first?.exists == true)
        #expect(state.certificates.first?.ready == false)
        #expect(state.certificates.first?.notAfter == Timestamp("2025-02-13T11:10:45Z"))
        #expect(state.otherRequests.first?.phase == .progressing)
    }

    @Test("a state round-trips through JSON", arguments: TLSOperation.allCases)
    func roundTrip(_ operation: TLSOperation) throws {
        var state = Fixtures.startingState(for: operation, replicas: 2)
        state.otherRequests = [
            ObservedRequest(
                name: "x", type: .restart, phase: .pending, creationTimestamp: Fixtures.start)
        ]
        let data = try JSONEncoder().encode(state)
        let decoded = try JSONDecoder().decode(ObservedState.self, from: data)
        #expect(decoded.pods == state.pods)
        #expect(decoded.issuers == state.issuers)
        #expect(decoded.otherRequests == state.otherRequests)
        #expect(decoded.certificates.map(\.name) == state.certificates.map(\.name))
        #expect(
            decoded.database.json == state.database.json
                || decoded.database.name == state.database.name)
    }

    @Test("a bad time in the state file is reported with its path")
    func badTime() {
        let text = """
            {"database": {"apiVersion": "kubedb.com/v1", "kind": "Memcached",
              "metadata": {"name": "m"}, "spec": {"version": "1"}},
             "certificates": [{"alias": "server", "name": "n", "notAfter": "soon"}]}
            """
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(ObservedState.self, from: Data(text.utf8))
        }
    }
}
