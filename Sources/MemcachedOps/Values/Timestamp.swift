/// A point in time written as RFC 3339, as Kubernetes writes times: `2024-11-15T11:10:37Z`.
///
/// A parsed time keeps its text, so writing it back changes nothing. A time made from a
/// number of seconds is written in UTC with whole seconds, as Kubernetes does.
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Whole seconds since 1970-01-01T00:00:00Z.
    public let secondsSinceEpoch: Int64
    /// Nanoseconds after ``secondsSinceEpoch``, from 0 to 999,999,999.
    public let nanoseconds: Int32
    /// The text as written, or the UTC form for a computed time.
    public let text: String

    /// Creates a time from seconds since the epoch, written in UTC with whole seconds.
    public init(secondsSinceEpoch: Int64, nanoseconds: Int32 = 0) {
        self.secondsSinceEpoch = secondsSinceEpoch
        self.nanoseconds = nanoseconds
        self.text = Self.format(secondsSinceEpoch)
    }

    /// Parses RFC 3339: `YYYY-MM-DDTHH:MM:SS`, an optional fraction, then `Z` or `±HH:MM`.
    ///
    /// - Returns: `nil` when the text is not a valid RFC 3339 time.
    public init?(_ text: String) {
        var utf8Text = text
        guard let (seconds, nanoseconds) = utf8Text.withUTF8(Self.parse) else { return nil }
        self.secondsSinceEpoch = seconds
        self.nanoseconds = nanoseconds
        self.text = text
    }

    /// This time moved by a duration.
    public func adding(_ duration: GoDuration) -> Timestamp {
        let total = Int64(nanoseconds) + duration.nanoseconds % 1_000_000_000
        var seconds = secondsSinceEpoch + duration.nanoseconds / 1_000_000_000
        var nanos = total
        if nanos >= 1_000_000_000 {
            seconds += 1
            nanos -= 1_000_000_000
        } else if nanos < 0 {
            seconds -= 1
            nanos += 1_000_000_000
        }
        return Timestamp(secondsSinceEpoch: seconds, nanoseconds: Int32(nanos))
    }

    /// The time from `earlier` to this one.
    public func duration(since earlier: Timestamp) -> GoDuration {
        let seconds = secondsSinceEpoch - earlier.secondsSinceEpoch
        let nanos = Int64(nanoseconds) - Int64(earlier.nanoseconds)
        let (product, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow else { return GoDuration(nanoseconds: seconds < 0 ? .min : .max) }
        return GoDuration(nanoseconds: product + nanos)
    }

    /// The text as written.
    public var description: String { text }

    /// Times are equal when they name the same instant, however they are written.
    public static func == (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.secondsSinceEpoch == rhs.secondsSinceEpoch && lhs.nanoseconds == rhs.nanoseconds
    }

    /// Hashes the instant.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(secondsSinceEpoch)
        hasher.combine(nanoseconds)
    }

    /// Orders times by instant.
    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        (lhs.secondsSinceEpoch, lhs.nanoseconds) < (rhs.secondsSinceEpoch, rhs.nanoseconds)
    }

    /// Reads the bytes of an RFC 3339 time; every read is checked against `bytes.count`.
    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int64, Int32)? {
        guard bytes.count >= 20 else { return nil }
        @inline(__always)
        func number(_ start: Int, _ length: Int) -> Int? {
            digits(bytes, start, length)
        }
        guard let year = number(0, 4), bytes[4] == UInt8(ascii: "-"),
            let month = number(5, 2), bytes[7] == UInt8(ascii: "-"),
            let day = number(8, 2),
            bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t"),
            let hour = number(11, 2), bytes[13] == UInt8(ascii: ":"),
            let minute = number(14, 2), bytes[16] == UInt8(ascii: ":"),
            let second = number(17, 2)
        else { return nil }
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
            hour < 24, minute < 60, second < 61
        else { return nil }

        var position = 19
        var nanoseconds: Int32 = 0
        if bytes[position] == UInt8(ascii: ".") {
            position += 1
            var digits = 0
            while position < bytes.count, bytes[position] >= 48, bytes[position] <= 57 {
                if digits < 9 {
                    nanoseconds = nanoseconds * 10 + Int32(bytes[position] - 48)
                }
                digits += 1
                position += 1
            }
            guard digits > 0 else { return nil }
            for _ in min(digits, 9)..<9 { nanoseconds *= 10 }
        }
        guard position < bytes.count else { return nil }

        var offsetSeconds = 0
        switch bytes[position] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            position += 1
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard bytes.count == position + 6, let offsetHours = number(position + 1, 2),
                bytes[position + 3] == UInt8(ascii: ":"),
                let offsetMinutes = number(position + 4, 2), offsetHours < 24,
                offsetMinutes < 60
            else { return nil }
            offsetSeconds = (offsetHours * 3600 + offsetMinutes * 60)
            if bytes[position] == UInt8(ascii: "+") { offsetSeconds = -offsetSeconds }
            position += 6
        default:
            return nil
        }
        guard position == bytes.count else { return nil }

        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds =
            Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
            + Int64(offsetSeconds)
        return (seconds, nanoseconds)
    }

    /// The number written with the `length` decimal digits at `start`, or `nil` when one
    /// of those bytes is not a digit; the bytes must be inside `bytes`.
    @inline(__always)
    private static func digits(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ length: Int)
        -> Int?
    {
        var value = 0
        var invalid = false
        for index in start..<(start + length) {
            let digit = bytes[index] &- UInt8(ascii: "0")
            invalid = invalid || digit > 9
            value = value &* 10 &+ Int(digit)
        }
        return invalid ? nil : value
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11:
            return 30
        default:
            return 31
        }
    }

    /// Days since 1970-01-01 for a proleptic Gregorian date.
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func format(_ seconds: Int64) -> String {
        let days = Int(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
        let secondOfDay = Int(seconds - Int64(days) * 86_400)
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T"
            + "\(pad(secondOfDay / 3600, 2)):\(pad(secondOfDay / 60 % 60, 2)):"
            + "\(pad(secondOfDay % 60, 2))Z"
    }
}

extension ObjectReader {
    /// An RFC 3339 time field.
    package mutating func timestamp(_ key: String) throws(ManifestError) -> Timestamp? {
        let expected = "an RFC 3339 time such as \"2024-11-15T11:10:37Z\""
        guard let string = try string(key, expected: expected) else { return nil }
        guard let time = Timestamp(string) else {
            throw ManifestError(
                .invalidValue, path: path.appending(key),
                message: "expected \(expected), found \(ManifestError.describe(.string(string)))")
        }
        return time
    }
}

extension ObjectWriter {
    /// Writes a time as its text.
    package mutating func set(_ key: String, _ value: Timestamp?) {
        set(key, value.map { JSONValue.string($0.text) })
    }
}
