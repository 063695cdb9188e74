/// How long things take in an ``InMemoryCluster``, in simulated time.
///
/// Each wait is measured on the cluster's ``ManualClock``, so long latencies cost a test
/// nothing but a few more polls of the reconciler.
///
/// ```swift
/// let slow = SimulatedLatencies(podRestart: .seconds(90), certificateIssue: .seconds(20))
/// let cluster = InMemoryCluster(database: database, latencies: slow)
/// ```
public struct SimulatedLatencies: Sendable, Hashable {
    /// From evicting a pod until it is ready again.
    public var podRestart: Duration
    /// From creating, updating or marking a Certificate for re-issue until cert-manager has
    /// issued it (when its issuer exists and is `Ready`).
    public var certificateIssue: Duration
    /// How long every call to ``InMemoryCluster/perform(_:of:for:)`` takes, as a slow API
    /// server would; zero by default.
    public var step: Duration

    /// Creates latencies.
    ///
    /// - Parameters:
    ///   - podRestart: From evicting a pod until it is ready again; 30 seconds unless given.
    ///   - certificateIssue: From asking for a certificate until it is issued; 10 seconds
    ///     unless given.
    ///   - step: How long each step takes to perform; none unless given.
    public init(
        podRestart: Duration = .seconds(30),
        certificateIssue: Duration = .seconds(10),
        step: Duration = .zero
    ) {
        self.podRestart = podRestart
        self.certificateIssue = certificateIssue
        self.step = step
    }

    /// Everything happens at once: pods are ready and certificates issued as soon as the
    /// cluster is next looked at.
    public static let instant = SimulatedLatencies(
        podRestart: .zero, certificateIssue: .zero, step: .zero)
}
