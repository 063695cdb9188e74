import Testing

@testable import MemcachedOps

@Suite("Writing the request's status")
struct StatusWriterTests {
    typealias Fixtures = PlannerFixtures

    static let request = Fixtures.request("r", tls: Fixtures.tls(for: .rotateCertificates))
    static let plan = TLSPlanner.plan(
        request: request, state: Fixtures.startingState(for: .rotateCertificates),
        options: PlanOptions(strategy: .restart), now: Fixtures.start)
    static let evict = PlanStep(
        .evictPod, target: "memcd-quickstart-0", operation: .rotateCertificates)

    @Test("per-pod messages take KubeDB's form")
    func podMessage() {
        #expect(
            TLSStatusWriter.podMessage("evict pod", .true, pod: "memcd-quickstart-0")
                == "evict pod; ConditionStatus:True; PodName:memcd-quickstart-0")
        #expect(
            TLSStatusWriter.podMessage("is pod ready", .false, pod: nil)
                == "is pod ready; ConditionStatus:False")
    }

    @Test("the pause step starts the request")
    func pause() throws {
        let step = try #require(Self.plan.nextStep)
        let status = TLSStatusWriter.status(
            after: step, outcome: .completed, in: Self.plan, for: Self.request,
            now: Fixtures.start)
        #expect(status.phase == .progressing)
        let condition = try #require(status.conditions?.first)
        #expect(condition.type == "ReconfigureTLS")
        #expect(condition.reason == "ReconfigureTLS")
        #expect(condition.observedGeneration == 1)
        #expect(condition.lastTransitionTime == Fixtures.start)
    }

    @Test("a failure sets the step's condition False and counts attempts in Retrying")
    func failures() throws {
        var request = Self.request
        let later = Fixtures.start.adding(GoDuration(seconds: 30))
        for (attempt, time) in [(1, Fixtures.start), (2, later)] {
            request.status = TLSStatusWriter.status(
                after: Self.evict, outcome: .failed("eviction refused by a budget"),
                in: Self.plan, for: request, now: time)
            let retrying = try #require(request.status?.conditions?.condition("Retrying"))
            #expect(
                retrying.message
                    == "retrying failed step; Step:EvictPod--memcd-quickstart-0; "
                    + "Attempt:\(attempt); Error:eviction refused by a budget")
            #expect(retrying.lastTransitionTime == time)
        }
        let evicted = try #require(
            request.status?.conditions?.condition("EvictPod--memcd-quickstart-0"))
        #expect(evicted.status == .false)
        #expect(evicted.message == "eviction refused by a budget")
    }

    @Test("the Retrying message reads back")
    func retryRecord() {
        let record = RetryRecord(step: "IsPodReady--p-0", failures: 3, lastError: "a; b")
        #expect(RetryRecord(message: record.message) == record)
        #expect(RetryRecord(message: "something else") == nil)
    }

    @Test("a pending wait records nothing but the start of syncing")
    func pending() throws {
        let wait = PlanStep(.waitForPodReady, target: "memcd-quickstart-0", operation: nil)
        let status = TLSStatusWriter.status(
            after: wait, outcome: .pending, in: Self.plan, for: Self.request, now: Fixtures.start)
        #expect(status.conditions == [])
        let certificates = PlanStep(
            .waitForCertificates, target: "memcd-quickstart", operation: nil)
        let syncing = TLSStatusWriter.status(
            after: certificates, outcome: .pending, in: Self.plan, for: Self.request,
            now: Fixtures.start)
        #expect(syncing.conditions?.map(\.type) == ["CertificateSynced"])
        #expect(syncing.conditions?.first?.status == .false)
    }

    @Test("a refused request is marked Failed with the reason")
    func refused() {
        let status = TLSStatusWriter.status(
            refusing: .noOperation, for: Self.request, now: Fixtures.start)
        #expect(status.phase == .failed)
        #expect(
            status.conditions?.first?.message
                == "Failed to reconfigure TLS: no reconfiguration is provided in TLS spec")
    }
}
