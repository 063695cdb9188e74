import Synchronization

/// A flag a task's cancellation handler sets, which blocking I/O checks between waits.
final class CancellationFlag: Sendable {
    private let flag = Atomic<Bool>(false)

    /// Marks the work as cancelled.
    func cancel() {
        flag.store(true, ordering: .relaxed)
    }

    /// Whether the work was cancelled.
    var isCancelled: Bool { flag.load(ordering: .relaxed) }
}

/// When a blocking operation must give up, and whether it was cancelled.
struct Deadline: Sendable {
    /// The instant the operation times out.
    let instant: ContinuousClock.Instant

    /// Set when the calling task is cancelled.
    let cancellation: CancellationFlag

    /// The timeout the deadline was made from, for messages.
    let timeout: Duration

    /// The longest timeout honoured; longer ones are cut to this.
    static let longest = Duration.seconds(86_400 * 365)

    /// A deadline `timeout` from now (at most a year).
    init(after timeout: Duration, cancellation: CancellationFlag) {
        let timeout = min(max(timeout, .zero), Self.longest)
        self.instant = ContinuousClock.now.advanced(by: timeout)
        self.cancellation = cancellation
        self.timeout = timeout
    }

    /// The time left, in whole milliseconds for `poll`, at most `slice` so cancellation is
    /// noticed; 0 when the deadline has passed.
    func pollMilliseconds(slice: Int32 = 100) -> Int32 {
        let left = ContinuousClock.now.duration(to: instant)
        guard left > .zero else { return 0 }
        let milliseconds =
            left.components.seconds * 1000
            + left.components.attoseconds / 1_000_000_000_000_000
        return Int32(min(Int64(slice), max(1, milliseconds)))
    }

    /// Whether the deadline has passed.
    var hasPassed: Bool { ContinuousClock.now >= instant }
}
