import Foundation
import MemcachedOps
import MemcachedOpsRuntime

/// The times the fleet writes into objects: creation times, conditions, validity.
enum FleetClock {
    /// The current time, from the system's real-time clock.
    static func now() -> Timestamp {
        SystemOpsClock.current()
    }

    /// A `Date` as a timestamp, to the second.
    static func timestamp(_ date: Date) -> Timestamp {
        Timestamp(secondsSinceEpoch: Int64(date.timeIntervalSince1970.rounded(.down)))
    }
}
