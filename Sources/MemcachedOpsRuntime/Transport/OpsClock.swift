import MemcachedOps

/// The reconciler's source of time: what time it is, and how to wait.
///
/// The reconciler never reads the system clock itself, so a simulation can run hours of
/// timeouts in microseconds by advancing a clock of its own.
public protocol OpsClock: Sendable {
    /// The current time.
    func now() async -> Timestamp

    /// Waits for a duration, or until the task is cancelled.
    ///
    /// - Throws: `CancellationError` when the task is cancelled.
    func sleep(for duration: Duration) async throws
}

/// The system's clock: real time and real waits.
public struct SystemOpsClock: OpsClock {
    /// Creates the system clock.
    public init() {}

    /// The current time from the system's real-time clock.
    public func now() async -> Timestamp {
        Self.current()
    }

    /// Sleeps for `duration` on the continuous clock.
    public func sleep(for duration: Duration) async throws {
        try await Task.sleep(for: duration)
    }

    /// The current time from the system's real-time clock, without `await`.
    public static func current() -> Timestamp {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Timestamp(secondsSinceEpoch: Int64(spec.tv_sec), nanoseconds: Int32(spec.tv_nsec))
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
