import MemcachedOps

/// A cluster the reconciler can observe and change, one plan step at a time.
///
/// A transport is the only part of the package that touches a cluster. The package ships
/// two: `InMemoryCluster`, a simulation for policy tests, and the local fleet of real
/// memcached processes in `MemcachedOpsLocal`. Write your own over your Kubernetes client
/// to drive requests on a real cluster.
///
/// ## The contract
///
/// The reconciler calls, in a loop: ``request(named:namespace:)`` to read the request and
/// its status so far, ``observe(for:)`` to learn what is true now, then plans with
/// `TLSPlanner`, calls ``perform(_:of:for:)`` with the plan's first step, and writes the
/// request's new status with ``writeStatus(_:for:)``. It keeps no list of its own: a
/// transport must report every effect of a step through `observe` or through the status
/// it stores, so that a reconciler started afresh, in another process, continues.
///
/// - **Idempotent steps.** Performing a step twice must be harmless: after a crash the
///   reconciler may repeat the step whose status it did not write. Pausing a paused
///   database, applying an unchanged Certificate, evicting a pod that already restarted
///   with the desired configuration: each does nothing the second time.
/// - **Waits are steps too.** `waitForCertificates` and `waitForPodReady` check and return
///   ``StepOutcome/pending`` while the wait is not over; the reconciler sleeps and asks
///   again, and the planner fails the request when `spec.timeout` runs out.
/// - **Failures are values.** Return ``StepOutcome/failed(_:)`` with a message a person can
///   act on when a step did not take effect; the planner retries while `spec.maxRetries`
///   allows. An error thrown from `perform` counts as a failed step with the error's
///   description. Errors thrown from the other methods stop the reconciler: they mean the
///   cluster could not be read or written at all.
/// - **No secrets in messages.** Messages end up in the request's status and in logs.
///
/// ## Mapping steps to Kubernetes
///
/// | action | what a Kubernetes transport does |
/// |---|---|
/// | `pauseDatabase` | set a `Paused` condition on the Memcached status |
/// | `reissueCertificates` | add an `Issuing` condition to each Certificate's status |
/// | `applyCertificate` | create or update the Certificate: `plan.desiredCertificate(named:)` |
/// | `waitForCertificates` | read the Certificates: Ready, not Issuing, spec as desired |
/// | `evictPod` | create an Eviction for the pod |
/// | `waitForPodReady` | read the pod's Ready condition |
/// | `reloadPod` | write the secret's files into the pod, send `refresh_certs` |
/// | `verifyPod` | a TLS handshake with the pod; compare the served fingerprint |
/// | `updateDatabase` | write `plan.desiredTLS` to the Memcached `spec.tls` (`nil`: remove it) |
/// | `deleteCertificate` | delete the Certificate and its secret |
/// | `resumeDatabase` | remove the `Paused` condition |
/// | `finishRestarts`, `finishReloads`, `markSuccessful` | nothing: the status records them |
public protocol OpsTransport: Sendable {
    /// The request as stored now, with its status; `nil` when it no longer exists.
    ///
    /// - Throws: When the store cannot be read.
    func request(named name: String, namespace: String) async throws -> MemcachedOpsRequest?

    /// What is true now for the request's database: the database, its certificates and
    /// issuers, its pods, and other requests on it.
    ///
    /// - Throws: When the cluster cannot be read.
    func observe(for request: MemcachedOpsRequest) async throws -> ObservedState

    /// Performs one step of a plan.
    ///
    /// - Parameters:
    ///   - step: The plan's next step.
    ///   - plan: The plan, for the desired configuration and certificates.
    ///   - request: The request, with its status before the step.
    /// - Returns: Whether the step took effect, is still waiting, or failed.
    /// - Throws: Any error; the reconciler records it as a failed step.
    func perform(_ step: PlanStep, of plan: Plan, for request: MemcachedOpsRequest) async throws
        -> StepOutcome

    /// Stores the request's new status.
    ///
    /// - Throws: When the store cannot be written.
    func writeStatus(_ status: MemcachedOpsRequestStatus, for request: MemcachedOpsRequest)
        async throws
}
