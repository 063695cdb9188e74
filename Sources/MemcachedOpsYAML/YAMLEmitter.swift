import MemcachedOps

/// The block-style YAML layout behind ``YAMLWriter``.
struct YAMLEmitter {
    /// Keys longer than this are written as explicit `? key` entries, because libyaml reads
    /// an implicit key of at most 1024 characters.
    private static let longestImplicitKey = 1000

    /// The text written so far.
    var output: [UInt8] = []

    /// Writes a whole document, ending with a line break.
    mutating func writeDocument(_ value: JSONValue) {
        switch value {
        case .object(let object) where !object.isEmpty:
            writeMapping(object, indent: 0, continuingLine: false)
        case .array(let array) where !array.isEmpty:
            writeSequence(array, indent: 0, continuingLine: false)
        default:
            writeScalar(value, blockIndent: 2)
            output.append(UInt8(ascii: "\n"))
        }
    }

    // MARK: - Collections

    /// Writes a mapping's entries at `indent`; with `continuingLine`, the first entry goes
    /// on the current line (after `- `).
    private mutating func writeMapping(_ object: JSONObject, indent: Int, continuingLine: Bool) {
        for (position, entry) in object.entries.enumerated() {
            if position > 0 || !continuingLine { writeSpaces(indent) }
            let keyStart = output.count
            writeString(entry.key, blockIndent: nil)
            if output.count - keyStart > Self.longestImplicitKey {
                output.insert(contentsOf: "? ".utf8, at: keyStart)
                output.append(UInt8(ascii: "\n"))
                writeSpaces(indent)
            }
            output.append(UInt8(ascii: ":"))
            writeValue(entry.value, indent: indent)
        }
    }

    /// Writes what follows a mapping key's `:`, ending with a line break.
    private mutating func writeValue(_ value: JSONValue, indent: Int) {
        switch value {
        case .object(let object) where !object.isEmpty:
            output.append(UInt8(ascii: "\n"))
            writeMapping(object, indent: indent + 2, continuingLine: false)
        case .array(let array) where !array.isEmpty:
            output.append(UInt8(ascii: "\n"))
            writeSequence(array, indent: indent, continuingLine: false)
        default:
            output.append(UInt8(ascii: " "))
            writeScalar(value, blockIndent: indent + 2)
            output.append(UInt8(ascii: "\n"))
        }
    }

    /// Writes a sequence's items at `indent`; with `continuingLine`, the first item goes on
    /// the current line (after another `- `).
    private mutating func writeSequence(_ array: [JSONValue], indent: Int, continuingLine: Bool) {
        for (position, item) in array.enumerated() {
            if position > 0 || !continuingLine { writeSpaces(indent) }
            output.append(contentsOf: "- ".utf8)
            switch item {
            case .object(let object) where !object.isEmpty:
                writeMapping(object, indent: indent + 2, continuingLine: true)
            case .array(let inner) where !inner.isEmpty:
                writeSequence(inner, indent: indent + 2, continuingLine: true)
            default:
                writeScalar(item, blockIndent: indent + 2)
                output.append(UInt8(ascii: "\n"))
            }
        }
    }

    private mutating func writeSpaces(_ count: Int) {
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count))
    }

    // MARK: - Scalars

    /// Writes a scalar or an empty collection, without a line break after it.
    ///
    /// `blockIndent` is the indentation of a literal block's lines.
    private mutating func writeScalar(_ value: JSONValue, blockIndent: Int) {
        switch value {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let bool): output.append(contentsOf: (bool ? "true" : "false").utf8)
        case .number(let number): output.append(contentsOf: number.text.utf8)
        case .string(let string): writeString(string, blockIndent: blockIndent)
        case .array: output.append(contentsOf: "[]".utf8)
        case .object: output.append(contentsOf: "{}".utf8)
        }
    }

    /// Writes a string in the simplest style that reads back exactly; `blockIndent` is
    /// `nil` where a literal block cannot go (keys).
    private mutating func writeString(_ string: String, blockIndent: Int?) {
        var string = string
        string.withUTF8 { text in
            switch YAMLScalarStyle.choose(for: text, allowBlock: blockIndent != nil) {
            case .plain:
                output.append(contentsOf: text)
            case .singleQuoted:
                writeSingleQuoted(text)
            case .doubleQuoted:
                writeDoubleQuoted(text)
            case .literal:
                writeLiteral(text, indent: blockIndent ?? 2)
            }
        }
    }

    private mutating func writeSingleQuoted(_ text: UnsafeBufferPointer<UInt8>) {
        output.append(UInt8(ascii: "'"))
        for byte in text {
            output.append(byte)
            if byte == UInt8(ascii: "'") { output.append(byte) }
        }
        output.append(UInt8(ascii: "'"))
    }

    /// Writes a double-quoted scalar on one line, escaping quotes, backslashes, control
    /// characters, line breaks and the characters YAML treats as breaks or ignores.
    private mutating func writeDoubleQuoted(_ text: UnsafeBufferPointer<UInt8>) {
        output.append(UInt8(ascii: "\""))
        var position = 0
        while position < text.count {
            let byte = text[position]
            if byte >= 0x20 && byte < 0x7F {
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                    output.append(UInt8(ascii: "\\"))
                }
                output.append(byte)
                position += 1
                continue
            }
            let length = UTF8Scanner.sequenceLength(text, at: position) ?? 1
            let scalar = UTF8Scanner.decode(text, at: position, length: length)
            if let escape = Self.escape(for: scalar) {
                output.append(contentsOf: escape.utf8)
            } else {
                output.append(contentsOf: text[position..<position + length])
            }
            position += length
        }
        output.append(UInt8(ascii: "\""))
    }

    /// The escape for a character that must not appear as itself in a double-quoted
    /// scalar, or `nil` for one that may.
    private static func escape(for scalar: UInt32) -> String? {
        switch scalar {
        case 0x00: return "\\0"
        case 0x07: return "\\a"
        case 0x08: return "\\b"
        case 0x09: return "\\t"
        case 0x0A: return "\\n"
        case 0x0B: return "\\v"
        case 0x0C: return "\\f"
        case 0x0D: return "\\r"
        case 0x1B: return "\\e"
        case 0x85: return "\\N"
        case 0x2028: return "\\L"
        case 0x2029: return "\\P"
        case 0x00..<0x20, 0x7F..<0xA0:
            return "\\x" + hex(scalar, digits: 2)
        case 0xFEFF, 0xFFFE, 0xFFFF:
            return "\\u" + hex(scalar, digits: 4)
        default:
            return nil
        }
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    /// Writes a literal block scalar: `|-` without a final line break, `|` with one, `|+`
    /// with more, then each line at `indent` (empty lines stay empty).
    private mutating func writeLiteral(_ text: UnsafeBufferPointer<UInt8>, indent: Int) {
        var trailingBreaks = 0
        while trailingBreaks < text.count, text[text.count - 1 - trailingBreaks] == 0x0A {
            trailingBreaks += 1
        }
        switch trailingBreaks {
        case 0: output.append(contentsOf: "|-".utf8)
        case 1: output.append(contentsOf: "|".utf8)
        default: output.append(contentsOf: "|+".utf8)
        }
        let body = text[..<(text.count - min(trailingBreaks, 1))]
        for line in body.split(separator: 0x0A, omittingEmptySubsequences: false) {
            output.append(UInt8(ascii: "\n"))
            if !line.isEmpty {
                writeSpaces(indent)
                output.append(contentsOf: line)
            }
        }
    }
}
