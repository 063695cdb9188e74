import Foundation
import MemcachedOps

/// Planning: plans per second for a three-replica rotation, and how the cost grows with
/// replicas and with the number of databases.
enum PlannerBenchmarks {
    static let now = Timestamp(secondsSinceEpoch: 1_700_000_060)
    static let options = PlanOptions(strategy: .restart)

    static func run(options benchmarkOptions: BenchmarkOptions) throws -> [Row] {
        var rows: [Row] = []
        let quick = benchmarkOptions.quick
        let runs = benchmarkOptions.runs

        let (request, state) = try inputs(replicas: 3, name: "memcd-quickstart")
        let ours = Measure.throughput(iterations: quick ? 20_000 : 200_000, runs: runs) {
            blackHole(TLSPlanner.plan(request: request, state: state, options: options, now: now))
        }
        rows.append(
            Row(
                figure: "plan a 3-replica rotation", ours: ours, unit: "plans/s",
                peerName: "none (KubeDB's ops-manager is not public)", peer: nil,
                conditions: "one core, mid-restart of pod 0, restart strategy"))

        for replicas: Int32 in [1, 4, 16, 64] {
            let (request, state) = try inputs(replicas: replicas, name: "db")
            let spread = Measure.throughput(iterations: quick ? 2_000 : 20_000, runs: runs) {
                let plan = TLSPlanner.plan(
                    request: request, state: state, options: options, now: now)
                blackHole(plan)
            }
            rows.append(
                Row(
                    figure: "plan a rotation, \(replicas) replicas", ours: spread, unit: "plans/s",
                    peerName: "-", peer: nil, conditions: "growth with replicas"))
        }

        for count in quick ? [1, 100, 1_000] : [1, 100, 1_000, 10_000] {
            let fleet = try (0..<count).map { try inputs(replicas: 3, name: "db-\($0)") }
            let rounds = max(1, (quick ? 2_000 : 20_000) / count)
            let spread = Measure.throughput(iterations: rounds, runs: runs) {
                for (request, state) in fleet {
                    let plan = TLSPlanner.plan(
                        request: request, state: state, options: options, now: now)
                    blackHole(plan)
                }
            }
            let perPlan = Spread(
                median: spread.median * Double(count), minimum: spread.minimum * Double(count),
                maximum: spread.maximum * Double(count))
            rows.append(
                Row(
                    figure: "plan \(count) databases, one plan each", ours: perPlan,
                    unit: "plans/s", peerName: "-", peer: nil,
                    conditions: "growth with databases; peak RSS "
                        + "\(Table.format1(Measure.peakMemoryMiB())) MiB so far"))
        }
        return rows
    }

    /// A rotation request half-way through its restarts, and the state it sees.
    static func inputs(
        replicas: Int32, name: String
    ) throws -> (MemcachedOpsRequest, ObservedState) {
        let issuer = TypedLocalObjectReference(
            apiGroup: "cert-manager.io", kind: "Issuer", name: "ca")
        let database = Memcached(
            metadata: ObjectMeta(name: name, namespace: "demo", generation: 1),
            spec: MemcachedSpec(
                version: "1.6.40", replicas: replicas, tls: TLSConfig(issuerRef: issuer)),
            status: MemcachedStatus(
                phase: .ready, conditions: [Condition(type: "Ready", status: .true)]))
        let started = Timestamp(secondsSinceEpoch: 1_700_000_000)
        let conditions = [
            "ReconfigureTLS", "IssueCertificatesSucceeded", "CertificateSynced", "RestartPods",
            "EvictPod--\(name)-0", "IsPodReady--\(name)-0",
        ].map {
            Condition(
                type: $0, status: $0 == "RestartPods" ? .false : .true,
                lastTransitionTime: started)
        }
        let request = MemcachedOpsRequest(
            metadata: ObjectMeta(
                name: "rotate-\(name)", namespace: "demo", generation: 1,
                creationTimestamp: started),
            spec: MemcachedOpsRequestSpec(
                databaseRef: LocalObjectReference(name: name), type: .reconfigureTLS,
                tls: ReconfigureTLSSpec(rotateCertificates: true), timeout: GoDuration("5m")),
            status: MemcachedOpsRequestStatus(phase: .progressing, conditions: conditions))
        var state = ObservedState.settled(database: database)
        state.database.status?.conditions?.append(Condition(type: "Paused", status: .true))
        let plan = TLSPlanner.plan(request: request, state: state, options: options, now: now)
        guard case .proceed = plan.disposition, !plan.steps.isEmpty else {
            throw BenchmarkFailure(
                message: "the benchmark's plan does not proceed: \(plan.disposition)")
        }
        return (request, state)
    }
}

/// Keeps the optimizer from removing work whose result is unused.
@inline(never)
func blackHole<T>(_ value: T) {
    withExtendedLifetime(value) {}
}
