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

/// Timestamps as RFC 3339 text in UTC, such as `2025-03-01T12:00:00Z`.
package enum RFC3339 {
    /// `date` to the second, in UTC.
    package static func format(_ date: Date) -> String {
        var seconds = UnixTime.seconds(date)
        var parts = tm()
        guard gmtime_r(&seconds, &parts) != nil else { return "\(date)" }
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let year = String(parts.tm_year + 1900)
        let padded = String(repeating: "0", count: max(0, 4 - year.count)) + year
        return "\(padded)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))"
            + "T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }

    /// Parses `2025-03-01T12:00:00Z`, with an optional fraction and a `Z` or `±hh:mm`
    /// offset.
    ///
    /// - Returns: The date, or `nil` when `text` is not RFC 3339.
    package static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20 else { return nil }
        func number(_ range: Range<Int>) -> Int32? {
            var value: Int32 = 0
            for index in range {
                guard index < bytes.count, (48...57).contains(bytes[index]) else { return nil }
                value = value * 10 + Int32(bytes[index] - 48)
            }
            return value
        }
        let separatorsMatch =
            bytes[4] == UInt8(ascii: "-") && bytes[7] == UInt8(ascii: "-")
            && (bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t"))
            && bytes[13] == UInt8(ascii: ":") && bytes[16] == UInt8(ascii: ":")
        guard separatorsMatch, let year = number(0..<4), let month = number(5..<7),
            let day = number(8..<10), let hour = number(11..<13), let minute = number(14..<16),
            let second = number(17..<19), (1...12).contains(month), (1...31).contains(day),
            hour < 24, minute < 60, second < 61
        else { return nil }

        var index = 19
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < bytes.count, (48...57).contains(bytes[index]) { index += 1 }
        }
        guard index < bytes.count else { return nil }
        var offset = 0
        if bytes[index] == UInt8(ascii: "Z") || bytes[index] == UInt8(ascii: "z") {
            guard index + 1 == bytes.count else { return nil }
        } else {
            let sign = bytes[index]
            guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"),
                index + 6 == bytes.count, bytes[index + 3] == UInt8(ascii: ":"),
                let hours = number((index + 1)..<(index + 3)),
                let minutes = number((index + 4)..<(index + 6))
            else { return nil }
            offset = (Int(hours) * 60 + Int(minutes)) * 60 * (sign == UInt8(ascii: "-") ? -1 : 1)
        }

        var parts = tm()
        parts.tm_year = year - 1900
        parts.tm_mon = month - 1
        parts.tm_mday = day
        parts.tm_hour = hour
        parts.tm_min = minute
        parts.tm_sec = second
        let seconds = timegm(&parts)
        return Date(timeIntervalSince1970: TimeInterval(Int(seconds) - offset))
    }
}
