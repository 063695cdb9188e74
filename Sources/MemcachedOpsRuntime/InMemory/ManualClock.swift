import MemcachedOps
import Synchronization

/// A clock that only moves when told to: simulated time for tests.
///
/// ``sleep(for:)`` does not wait: it moves the clock forward by the duration at once and
/// returns, so a reconciler that polls every few seconds for minutes of simulated time
/// finishes in microseconds, and every run of a test sees the same times. A test moves the
/// clock itself with ``advance(by:)``.
///
/// ```swift
/// let clock = ManualClock()
/// try await clock.sleep(for: .seconds(30))
/// clock.advance(by: .seconds(30))
/// print(clock.current)  // one minute after ManualClock.defaultStart
/// ```
///
/// The clock is safe to share between tasks: its time is kept behind a lock.
public final class ManualClock: OpsClock {
    /// The time a clock starts at unless told otherwise: `2024-11-15T11:00:37Z`, the time of
    /// KubeDB's documented runs.
    public static let defaultStart = Timestamp(secondsSinceEpoch: 1_731_668_437)

    private let time: Mutex<Timestamp>

    /// Creates a clock.
    ///
    /// - Parameter start: The time it shows until it is moved.
    public init(start: Timestamp = ManualClock.defaultStart) {
        time = Mutex(start)
    }

    /// The time now, read without `await`.
    public var current: Timestamp {
        time.withLock { $0 }
    }

    /// The time now.
    ///
    /// - Returns: The clock's current time.
    public func now() async -> Timestamp {
        current
    }

    /// Moves the clock forward by `duration` at once, without waiting.
    ///
    /// - Parameter duration: How far to move; a negative duration does nothing.
    /// - Throws: `CancellationError` when the task is cancelled; the clock does not move.
    public func sleep(for duration: Duration) async throws {
        try Task.checkCancellation()
        advance(by: duration)
    }

    /// Moves the clock forward.
    ///
    /// - Parameter duration: How far to move; a negative duration does nothing.
    public func advance(by duration: Duration) {
        let nanoseconds = Self.nanoseconds(duration)
        guard nanoseconds > 0 else { return }
        time.withLock { $0 = $0.adding(GoDuration(nanoseconds: nanoseconds)) }
    }

    /// A duration in whole nanoseconds, saturating at the bounds of `Int64`.
    static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        let (product, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow else { return seconds < 0 ? .min : .max }
        let (sum, overflow2) = product.addingReportingOverflow(attoseconds / 1_000_000_000)
        guard !overflow2 else { return seconds < 0 ? .min : .max }
        return sum
    }
}
