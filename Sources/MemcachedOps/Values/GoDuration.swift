/// A duration written the way Go writes them: `2160h0m0s`, `5m`, `1h30m`, `1.5s`, `300ms`.
///
/// KubeDB's `duration`, `renewBefore` and `timeout` fields use this form. A parsed duration
/// keeps the text it was written with, so writing it back changes nothing; a duration made
/// from a number of nanoseconds is written in Go's canonical form (`1h30m0s`).
public struct GoDuration: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The length in nanoseconds.
    public let nanoseconds: Int64
    /// The text as written, or Go's canonical form for a computed duration.
    public let text: String

    /// Creates a duration from nanoseconds, written in Go's canonical form.
    public init(nanoseconds: Int64) {
        self.nanoseconds = nanoseconds
        self.text = Self.canonicalText(nanoseconds)
    }

    /// Creates a duration from whole seconds.
    public init(seconds: Int64) {
        let (product, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        self.init(nanoseconds: overflow ? (seconds < 0 ? .min : .max) : product)
    }

    /// Parses Go duration syntax: an optional sign, then one or more decimal numbers each
    /// with a unit (`ns`, `us`, `µs`, `ms`, `s`, `m`, `h`); `0` alone is allowed.
    ///
    /// - Returns: `nil` when the text is not a valid duration or does not fit in 64 bits.
    public init?(_ text: String) {
        var utf8Text = text
        guard let nanoseconds = utf8Text.withUTF8(Self.parse) else { return nil }
        self.nanoseconds = nanoseconds
        self.text = text
    }

    /// The length in seconds.
    public var seconds: Double { Double(nanoseconds) / 1e9 }

    /// The duration in Go's canonical form, whatever text it was written with.
    public var canonical: String { Self.canonicalText(nanoseconds) }

    /// The text as written.
    public var description: String { text }

    /// Durations are equal when their lengths are, however they are written.
    public static func == (lhs: GoDuration, rhs: GoDuration) -> Bool {
        lhs.nanoseconds == rhs.nanoseconds
    }

    /// Hashes the length.
    public func hash(into hasher: inout Hasher) { hasher.combine(nanoseconds) }

    /// Orders durations by length.
    public static func < (lhs: GoDuration, rhs: GoDuration) -> Bool {
        lhs.nanoseconds < rhs.nanoseconds
    }

    private static let units: [(suffix: [UInt8], nanoseconds: UInt64)] = [
        (Array("ns".utf8), 1),
        (Array("us".utf8), 1_000),
        (Array("µs".utf8), 1_000),
        (Array("μs".utf8), 1_000),
        (Array("ms".utf8), 1_000_000),
        (Array("s".utf8), 1_000_000_000),
        (Array("m".utf8), 60_000_000_000),
        (Array("h".utf8), 3_600_000_000_000),
    ]

    /// Reads the bytes of a duration; every read is checked against `bytes.count`.
    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        var position = 0
        var negative = false
        if position < bytes.count,
            bytes[position] == UInt8(ascii: "-")
                || bytes[position] == UInt8(ascii: "+")
        {
            negative = bytes[position] == UInt8(ascii: "-")
            position += 1
        }
        if bytes.count - position == 1, bytes[position] == UInt8(ascii: "0") { return 0 }
        guard position < bytes.count else { return nil }

        var total: UInt64 = 0
        while position < bytes.count {
            // The number: digits, optionally a fraction.
            var whole: UInt64 = 0
            var sawDigits = false
            while position < bytes.count, isDigit(bytes[position]) {
                let (times, overflow1) = whole.multipliedReportingOverflow(by: 10)
                let (plus, overflow2) = times.addingReportingOverflow(
                    UInt64(bytes[position] - UInt8(ascii: "0")))
                guard !overflow1, !overflow2 else { return nil }
                whole = plus
                sawDigits = true
                position += 1
            }
            var fraction: UInt64 = 0
            var scale: UInt64 = 1
            if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
                position += 1
                while position < bytes.count, isDigit(bytes[position]) {
                    sawDigits = true
                    if scale < 1_000_000_000_000_000 {
                        fraction = fraction * 10 + UInt64(bytes[position] - UInt8(ascii: "0"))
                        scale *= 10
                    }
                    position += 1
                }
            }
            guard sawDigits else { return nil }

            // The unit: the longest suffix that matches.
            var unit: (suffix: [UInt8], nanoseconds: UInt64)?
            for candidate in units
            where candidate.suffix.count > (unit?.suffix.count ?? 0)
                && hasPrefix(bytes, at: position, candidate.suffix)
            {
                unit = candidate
            }
            guard let unit else { return nil }
            position += unit.suffix.count

            let (wholePart, overflow1) = whole.multipliedReportingOverflow(by: unit.nanoseconds)
            guard !overflow1 else { return nil }
            let fractionPart = UInt64(Double(fraction) * Double(unit.nanoseconds) / Double(scale))
            let (sum1, overflow2) = total.addingReportingOverflow(wholePart)
            let (sum2, overflow3) = sum1.addingReportingOverflow(fractionPart)
            guard !overflow2, !overflow3 else { return nil }
            total = sum2
        }
        if negative {
            guard total <= UInt64(Int64.max) + 1 else { return nil }
            return total == UInt64(Int64.max) + 1 ? .min : -Int64(total)
        }
        guard total <= UInt64(Int64.max) else { return nil }
        return Int64(total)
    }

    /// Whether the bytes from `position` on start with `prefix`.
    private static func hasPrefix(
        _ bytes: UnsafeBufferPointer<UInt8>, at position: Int, _ prefix: [UInt8]
    ) -> Bool {
        guard bytes.count - position >= prefix.count else { return false }
        for index in prefix.indices where bytes[position + index] != prefix[index] {
            return false
        }
        return true
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// Go's `time.Duration.String()`.
    private static func canonicalText(_ nanoseconds: Int64) -> String {
        if nanoseconds == 0 { return "0s" }
        let negative = nanoseconds < 0
        let magnitude = nanoseconds.magnitude
        var text: String
        if magnitude < 1_000_000_000 {
            let (unit, divisor, digits): (String, UInt64, Int) =
                magnitude < 1_000
                ? ("ns", 1, 0)
                : magnitude < 1_000_000 ? ("µs", 1_000, 3) : ("ms", 1_000_000, 6)
            text = decimal(magnitude, divisor: divisor, fractionDigits: digits) + unit
        } else {
            let seconds = magnitude / 1_000_000_000
            let fraction = magnitude % 1_000_000_000
            var secondsText = String(seconds % 60)
            if fraction > 0 {
                secondsText += "." + trimmedFraction(fraction, digits: 9)
            }
            text = secondsText + "s"
            let minutes = seconds / 60
            if minutes > 0 {
                text = "\(minutes % 60)m" + text
                let hours = minutes / 60
                if hours > 0 { text = "\(hours)h" + text }
            }
        }
        return negative ? "-" + text : text
    }

    private static func decimal(_ value: UInt64, divisor: UInt64, fractionDigits: Int) -> String {
        let whole = value / divisor
        let fraction = value % divisor
        guard fraction > 0 else { return String(whole) }
        return "\(whole)." + trimmedFraction(fraction, digits: fractionDigits)
    }

    private static func trimmedFraction(_ fraction: UInt64, digits: Int) -> String {
        var text = String(fraction)
        text = String(repeating: "0", count: max(0, digits - text.count)) + text
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }
}

extension ObjectReader {
    /// A Go duration field such as `2160h0m0s`.
    package mutating func duration(_ key: String) throws(ManifestError) -> GoDuration? {
        let expected = "a duration string such as \"2160h0m0s\""
        guard let string = try string(key, expected: expected) else { return nil }
        guard let duration = GoDuration(string) else {
            throw ManifestError(
                .invalidValue, path: path.appending(key),
                message: "expected a duration such as \"2160h0m0s\", \"5m\" or \"1h30m\", "
                    + "found \(ManifestError.describe(.string(string)))")
        }
        return duration
    }
}

extension ObjectWriter {
    /// Writes a duration as its text.
    package mutating func set(_ key: String, _ value: GoDuration?) {
        set(key, value.map { JSONValue.string($0.text) })
    }
}
