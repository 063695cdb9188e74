/// What a plain (unquoted) YAML scalar means under the rules Kubernetes reads YAML with.
///
/// Kubernetes decodes YAML with `sigs.k8s.io/yaml`, which uses go-yaml v2 and its YAML 1.1
/// rules, so `yes`, `on` and `y` are Booleans and `0755` is octal. The readers and the
/// writer share these rules: the reader to decode plain scalars, the writer to know which
/// strings need quotes.
enum YAMLPlainScalar: Equatable {
    /// `~`, `null`, `Null`, `NULL` or nothing at all.
    case null
    /// One of the YAML 1.1 Boolean words.
    case bool(Bool)
    /// An integer, converted to decimal JSON number text.
    case integer(String)
    /// A floating-point number, normalized to JSON number text.
    case float(String)
    /// `.inf`, `-.inf` or `.nan` in one of their spellings: JSON cannot hold them.
    case nonFinite
    /// `<<`, the merge key.
    case merge
    /// Anything else: a string.
    case string
}

/// Resolves plain YAML scalars to null, Boolean, number or string, as go-yaml v2 does.
enum YAMLScalarResolver {
    /// Resolves the text of a plain scalar.
    ///
    /// Integers may have a sign and `_` separators and be written in decimal, `0x` hex,
    /// `0b` binary, `0o` octal or with a leading `0` as octal; they become decimal text.
    /// Floats become JSON number text (`.5` is `0.5`, `1.` is `1.0`, `+1.5` is `1.5`).
    static func resolve(_ text: UnsafeBufferPointer<UInt8>) -> YAMLPlainScalar {
        guard let first = text.first else { return .null }
        switch first {
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            return resolveNumber(text)
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            if text.count == 5, isInfinity(UnsafeBufferPointer(rebasing: text[1...])) {
                return .nonFinite
            }
            return resolveNumber(text)
        case UInt8(ascii: "."):
            if text.count == 4 {
                let word = UnsafeBufferPointer(rebasing: text[1...])
                if isInfinity(text) || matches(word, "nan", "NaN", "NAN") { return .nonFinite }
            }
            guard let number = floatText(text) else { return .string }
            return .float(number)
        case UInt8(ascii: "<"):
            return matches(text, "<<") ? .merge : .string
        case UInt8(ascii: "~"):
            return text.count == 1 ? .null : .string
        case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"),
            UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"),
            UInt8(ascii: "o"), UInt8(ascii: "O"):
            return resolveWord(text)
        default:
            return .string
        }
    }

    /// Resolves a string as if it were written as a plain scalar.
    static func resolve(_ text: String) -> YAMLPlainScalar {
        var text = text
        return text.withUTF8 { resolve($0) }
    }

    /// Whether a string written without quotes would be read back as something other than
    /// the same string by go-yaml v2 or another common YAML reader.
    ///
    /// Besides what ``resolve(_:)-(String)`` turns into non-strings, this includes what
    /// go-yaml v2 quotes for other readers: timestamps such as `2024-08-22T13:54:45Z` and
    /// YAML 1.1 base-60 numbers such as `1:20`.
    static func needsQuotes(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        resolve(text) != .string || looksLikeTimestamp(text) || isBase60Float(text)
    }

    // MARK: - Words

    private static func resolveWord(_ text: UnsafeBufferPointer<UInt8>) -> YAMLPlainScalar {
        switch text.count {
        case 1:
            switch text[0] {
            case UInt8(ascii: "y"), UInt8(ascii: "Y"): return .bool(true)
            case UInt8(ascii: "n"), UInt8(ascii: "N"): return .bool(false)
            default: return .string
            }
        case 2...5:
            break
        default:
            return .string
        }
        if matches(text, "yes", "Yes", "YES") || matches(text, "true", "True", "TRUE")
            || matches(text, "on", "On", "ON")
        {
            return .bool(true)
        }
        if matches(text, "no", "No", "NO") || matches(text, "false", "False", "FALSE")
            || matches(text, "off", "Off", "OFF")
        {
            return .bool(false)
        }
        if matches(text, "null", "Null", "NULL") { return .null }
        return .string
    }

    private static func isInfinity(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        matches(text, ".inf", ".Inf", ".INF")
    }

    private static func matches(_ text: UnsafeBufferPointer<UInt8>, _ words: StaticString...)
        -> Bool
    {
        for word in words where word.utf8CodeUnitCount == text.count {
            let bytes = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
            if bytes.elementsEqual(text) { return true }
        }
        return false
    }

    // MARK: - Numbers

    /// Resolves text that starts with a digit or a sign, following go-yaml v2: underscores
    /// are dropped, then the text is tried as an integer (`strconv.ParseInt` and
    /// `ParseUint` with base prefixes), then as a YAML-style float.
    private static func resolveNumber(_ text: UnsafeBufferPointer<UInt8>) -> YAMLPlainScalar {
        guard text.contains(UInt8(ascii: "_")) else { return resolveNumberWithoutSeparators(text) }
        let digits = text.filter { $0 != UInt8(ascii: "_") }
        return digits.withUnsafeBufferPointer { resolveNumberWithoutSeparators($0) }
    }

    private static func resolveNumberWithoutSeparators(_ text: UnsafeBufferPointer<UInt8>)
        -> YAMLPlainScalar
    {
        var start = 0
        let sign = text.first ?? 0
        if sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { start = 1 }
        guard start < text.count else { return .string }
        let negative = sign == UInt8(ascii: "-")
        let explicitPlus = sign == UInt8(ascii: "+")

        if text[start] == UInt8(ascii: "0"), start + 1 < text.count {
            let radix: UInt64?
            switch text[start + 1] | 0x20 {
            case UInt8(ascii: "x"): radix = 16
            case UInt8(ascii: "b"): radix = 2
            case UInt8(ascii: "o"): radix = 8
            default: radix = nil
            }
            if let radix {
                let digits = UnsafeBufferPointer(rebasing: text[(start + 2)...])
                guard
                    let number = integerText(
                        digits, radix: radix, negative: negative,
                        explicitPlus: explicitPlus)
                else { return .string }
                return .integer(number)
            }
            let digits = UnsafeBufferPointer(rebasing: text[(start + 1)...])
            if let number = integerText(
                digits, radix: 8, negative: negative,
                explicitPlus: explicitPlus)
            {
                return .integer(number)
            }
        } else if text[start...].allSatisfy({ isDigit($0) }) {
            // Decimal integers keep their digits whatever their size, as JSON allows.
            let digits = String(
                decoding: UnsafeBufferPointer(rebasing: text[start...]),
                as: UTF8.self)
            return .integer(negative ? "-" + digits : digits)
        }
        guard let number = floatText(text) else { return .string }
        return .float(number)
    }

    /// The decimal text of an unsigned integer in `radix`, with the range checks of Go's
    /// `ParseInt` and `ParseUint`, or `nil` when the digits are invalid or out of range.
    private static func integerText(
        _ digits: UnsafeBufferPointer<UInt8>, radix: UInt64, negative: Bool, explicitPlus: Bool
    ) -> String? {
        guard !digits.isEmpty else { return nil }
        var magnitude: UInt64 = 0
        for byte in digits {
            let digit: UInt64
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"):
                digit = UInt64(byte - UInt8(ascii: "a")) + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"):
                digit = UInt64(byte - UInt8(ascii: "A")) + 10
            default: return nil
            }
            guard digit < radix else { return nil }
            let (shifted, overflow) = magnitude.multipliedReportingOverflow(by: radix)
            let (sum, carry) = shifted.addingReportingOverflow(digit)
            guard !overflow, !carry else { return nil }
            magnitude = sum
        }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
            return magnitude == 0 ? "0" : "-" + String(magnitude)
        }
        if explicitPlus, magnitude > UInt64(Int64.max) { return nil }
        return String(magnitude)
    }

    /// JSON number text for a YAML-style float, `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)`
    /// followed by an optional `[eE][-+]?[0-9]+`, or `nil` when the text is not one.
    ///
    /// Leading zeros and a `+` sign are dropped, and an empty integer or fraction part
    /// becomes `0`, so `+.5` is `0.5`, `007.` is `7.0` and `1.e3` is `1.0e3`. Values too
    /// large for a double stay numbers with their text (go-yaml v2 would make them strings).
    static func floatText(_ text: UnsafeBufferPointer<UInt8>) -> String? {
        var position = 0
        let count = text.count
        var output: [UInt8] = []
        output.reserveCapacity(count + 2)
        if position < count, text[position] == UInt8(ascii: "-") {
            output.append(UInt8(ascii: "-"))
            position += 1
        } else if position < count, text[position] == UInt8(ascii: "+") {
            position += 1
        }
        let integerStart = position
        while position < count, isDigit(text[position]) { position += 1 }
        let integerEnd = position
        var fraction: Range<Int>?
        if position < count, text[position] == UInt8(ascii: ".") {
            position += 1
            let fractionStart = position
            while position < count, isDigit(text[position]) { position += 1 }
            fraction = fractionStart..<position
        }
        if integerStart == integerEnd {
            guard let fraction, !fraction.isEmpty else { return nil }
        }
        let exponentStart = position
        if position < count, text[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            if position < count,
                text[position] == UInt8(ascii: "+") || text[position] == UInt8(ascii: "-")
            {
                position += 1
            }
            let digitsStart = position
            while position < count, isDigit(text[position]) { position += 1 }
            guard position > digitsStart else { return nil }
        }
        guard position == count else { return nil }

        var integerDigits = integerStart
        while integerDigits + 1 < integerEnd, text[integerDigits] == UInt8(ascii: "0") {
            integerDigits += 1
        }
        if integerDigits == integerEnd {
            output.append(UInt8(ascii: "0"))
        } else {
            output.append(contentsOf: text[integerDigits..<integerEnd])
        }
        if let fraction {
            output.append(UInt8(ascii: "."))
            if fraction.isEmpty {
                output.append(UInt8(ascii: "0"))
            } else {
                output.append(contentsOf: text[fraction])
            }
        }
        output.append(contentsOf: text[exponentStart..<count])
        return String(decoding: output, as: UTF8.self)
    }

    @inline(__always)
    private static func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }

    private static func isDigitOrSeparator(_ byte: UInt8) -> Bool {
        isDigit(byte) || byte == UInt8(ascii: "_")
    }

    // MARK: - Strings go-yaml v2 quotes

    /// Whether the text starts like a YAML timestamp: `YYYY-M-D`, alone or followed by a
    /// time after `T`, `t` or whitespace.
    private static func looksLikeTimestamp(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var position = 0
        func digits(_ range: ClosedRange<Int>) -> Bool {
            let start = position
            while position < text.count, isDigit(text[position]) { position += 1 }
            return range.contains(position - start)
        }
        func dash() -> Bool {
            guard position < text.count, text[position] == UInt8(ascii: "-") else { return false }
            position += 1
            return true
        }
        guard digits(4...4), dash(), digits(1...2), dash(), digits(1...2) else { return false }
        guard position < text.count else { return true }
        switch text[position] {
        case UInt8(ascii: "T"), UInt8(ascii: "t"), UInt8(ascii: " "), UInt8(ascii: "\t"):
            return true
        default:
            return false
        }
    }

    /// Whether the text is a YAML 1.1 base-60 float such as `1:20` or `-190:20:30.15`:
    /// `[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?`.
    private static func isBase60Float(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var position = 0
        let count = text.count
        if position < count,
            text[position] == UInt8(ascii: "+") || text[position] == UInt8(ascii: "-")
        {
            position += 1
        }
        guard position < count, isDigit(text[position]) else { return false }
        while position < count, isDigitOrSeparator(text[position]) {
            position += 1
        }
        var groups = 0
        while position < count, text[position] == UInt8(ascii: ":") {
            position += 1
            let start = position
            while position < count, isDigit(text[position]), position - start < 2 { position += 1 }
            let length = position - start
            guard length == 1 || (length == 2 && text[start] <= UInt8(ascii: "5")) else {
                return false
            }
            groups += 1
        }
        guard groups > 0 else { return false }
        if position < count, text[position] == UInt8(ascii: ".") {
            position += 1
            while position < count, isDigitOrSeparator(text[position]) {
                position += 1
            }
        }
        return position == count
    }
}
