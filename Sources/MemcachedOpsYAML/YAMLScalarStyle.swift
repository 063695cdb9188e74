import MemcachedOps

/// How the writer writes one string.
enum YAMLScalarStyle: Equatable {
    /// Without quotes.
    case plain
    /// In single quotes, with `'` doubled.
    case singleQuoted
    /// In double quotes, with escapes.
    case doubleQuoted
    /// As a literal block (`|`).
    case literal

    /// The style go-yaml v2 would choose, made safe for libyaml to read back exactly.
    ///
    /// Multi-line strings are literal blocks where allowed and exact, else double-quoted.
    /// Strings that would resolve to another type are double-quoted; strings that cannot be
    /// plain are single-quoted when every character may appear in single quotes, else
    /// double-quoted.
    ///
    /// - Parameters:
    ///   - text: The string's UTF-8 bytes.
    ///   - allowBlock: Whether a literal block may be used here (not for keys).
    /// - Returns: The style to write the string in.
    static func choose(for text: UnsafeBufferPointer<UInt8>, allowBlock: Bool) -> YAMLScalarStyle {
        let scan = CharacterScan(text)
        if scan.hasLineBreak {
            return allowBlock && scan.literalAllowed(text) ? .literal : .doubleQuoted
        }
        if YAMLScalarResolver.needsQuotes(text) || !scan.allPrintable { return .doubleQuoted }
        return isPlainAllowed(text) ? .plain : .singleQuoted
    }

    /// Whether a single-line string of printable characters that resolves to a string can
    /// be written without quotes in block context.
    private static func isPlainAllowed(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = text.first, let last = text.last else { return false }
        if first == 0x20 || last == 0x20 || last == UInt8(ascii: ":") { return false }
        switch first {
        case UInt8(ascii: "-"):
            if text.count < 2 || text[1] == 0x20 { return false }
            if text.starts(with: "---".utf8) { return false }
        case UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["),
            UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"),
            UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"),
            UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "%"),
            UInt8(ascii: "@"), UInt8(ascii: "`"):
            return false
        case UInt8(ascii: "."):
            if text.starts(with: "...".utf8) { return false }
        default:
            break
        }
        for position in 1..<text.count {
            let byte = text[position]
            let previous = text[position - 1]
            if byte == 0x20 && previous == UInt8(ascii: ":") { return false }
            if byte == UInt8(ascii: "#") && previous == 0x20 { return false }
        }
        return true
    }
}

/// One pass over a string's characters, noting what decides its style.
private struct CharacterScan {
    /// Whether the text holds `\n`.
    var hasLineBreak = false
    /// Whether every character may appear unescaped in a plain or single-quoted scalar:
    /// no control characters (tab included), no characters YAML reads as line breaks, no
    /// byte-order mark and no noncharacters.
    var allPrintable = true
    /// Whether every character may appear in a literal block: as above, but tabs and `\n`
    /// are allowed.
    var blockPrintable = true

    init(_ text: UnsafeBufferPointer<UInt8>) {
        var position = 0
        while position < text.count {
            let byte = text[position]
            if byte >= 0x20 && byte < 0x7F {
                position += 1
                continue
            }
            if byte == 0x0A || byte == 0x09 {
                if byte == 0x0A { hasLineBreak = true }
                allPrintable = false
                position += 1
                continue
            }
            guard byte >= 0x80, let length = UTF8Scanner.sequenceLength(text, at: position) else {
                allPrintable = false
                blockPrintable = false
                position += 1
                continue
            }
            let scalar = UTF8Scanner.decode(text, at: position, length: length)
            if scalar < 0xA0 || scalar == 0x2028 || scalar == 0x2029 || scalar == 0xFEFF
                || scalar == 0xFFFE || scalar == 0xFFFF
            {
                allPrintable = false
                blockPrintable = false
            }
            position += length
        }
    }

    /// Whether a multi-line string reads back exactly from a literal block: printable, its
    /// first non-empty line not starting with whitespace (that would change the detected
    /// indentation), no whitespace at the end of a line, and at least one non-empty line.
    func literalAllowed(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard blockPrintable else { return false }
        var sawContent = false
        var position = 0
        while position < text.count {
            let byte = text[position]
            if byte == 0x0A {
                if position > 0, text[position - 1] == 0x20 || text[position - 1] == 0x09 {
                    return false
                }
            } else if !sawContent {
                if byte == 0x20 || byte == 0x09 { return false }
                sawContent = true
            }
            position += 1
        }
        guard let last = text.last, last != 0x20, last != 0x09 else { return false }
        return sawContent
    }
}
