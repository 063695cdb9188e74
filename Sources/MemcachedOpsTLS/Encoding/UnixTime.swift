#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Conversions between `Date` and the `time_t` seconds C functions take, without traps.
enum UnixTime {
    /// The last second X.509 can express: 9999-12-31T23:59:59Z.
    static let latest: time_t = 253_402_300_799

    /// `date` in whole seconds since 1970, rounded down and clamped to what `time_t` holds
    /// (a NaN date counts as 1970).
    static func seconds(_ date: Date) -> time_t {
        let value = date.timeIntervalSince1970.rounded(.down)
        guard !value.isNaN else { return 0 }
        if value >= Double(time_t.max) { return time_t.max }
        if value <= Double(time_t.min) { return time_t.min }
        return time_t(value)
    }
}
