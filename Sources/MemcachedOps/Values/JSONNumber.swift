/// A JSON number kept as the exact text it was written with.
///
/// Keeping the text means `1.0`, `10` and `12345678901234567890` are written back exactly
/// as read. Accessors convert on demand and report values that do not fit.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    /// The number's text in JSON syntax, such as `42`, `-1.5` or `1e3`.
    public let text: String

    /// Creates a number from text that is already valid JSON number syntax.
    ///
    /// Readers check the syntax before they call this; use ``init(_:)-(Int)`` and
    /// ``init(_:)-(Double)`` to make numbers from Swift values.
    package init(validatedText text: String) {
        self.text = text
    }

    /// Creates a number from an integer.
    public init<Integer: BinaryInteger>(_ value: Integer) {
        text = String(value)
    }

    /// Creates a number from a finite floating-point value.
    ///
    /// A value that is not finite, which JSON cannot express, becomes `0`.
    public init(_ value: Double) {
        guard value.isFinite else {
            text = "0"
            return
        }
        if value == value.rounded(), abs(value) < 1e15 {
            text = String(Int64(value))
        } else {
            text = "\(value)"
        }
    }

    /// Whether the text is an integer: no fraction and no exponent.
    public var isInteger: Bool {
        !text.utf8.contains {
            $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e")
                || $0 == UInt8(ascii: "E")
        }
    }

    /// The value as a 64-bit integer, or `nil` when it is not written as an integer or does
    /// not fit.
    ///
    /// Like Kubernetes, an integer field does not accept `1.0` or `1e3`.
    public var int64Value: Int64? {
        if let value = shortIntegerValue { return value }
        return Int64(text)
    }

    /// The value when the text is an optional `-` and 1 to 18 decimal digits, the usual
    /// form of an integer, read without going through `Int64.init(_:)`; `nil` otherwise.
    package var shortIntegerValue: Int64? {
        var digits = text
        return digits.withUTF8(Self.shortInteger)
    }

    /// The value of an optional `-` and 1 to 18 decimal digits, which always fits in 64
    /// bits, or `nil` for any other text, which `Int64.init(_:)` then reads.
    private static func shortInteger(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        let negative = bytes.first == UInt8(ascii: "-")
        let start = negative ? 1 : 0
        guard bytes.count > start, bytes.count - start <= 18 else { return nil }
        var value: Int64 = 0
        for index in start..<bytes.count {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value &* 10 &+ Int64(digit)
        }
        return negative ? -value : value
    }

    /// The value as a double.
    public var doubleValue: Double? { Double(text) }

    /// The number's text.
    public var description: String { text }
}
